; Inno Setup script for Clockify Report Exporter (Inno Setup 6.3 or newer).
; build_scripts/build.py compiles it when ISCC is available, passing the defines below:
;   iscc /DAppVersion=0.1.0 /DSourceDir=...\dist\ClockifyExporter /DOutputDir=...\dist
;        /DOutputBaseFilename=ClockifyExporter-0.1.0-windows-x64-setup /DIconFile=...\icon.ico
;        build_scripts\windows\installer.iss
; Installs per user by default (no admin prompt); the user may choose "all users" instead.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ClockifyExporter"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseFilename
  #define OutputBaseFilename "ClockifyExporter-setup"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\generated\icon.ico"
#endif

#define AppName "Clockify Report Exporter"
#define AppExeName "ClockifyExporter.exe"

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{14791F45-9B41-4FCB-B94F-A2C5F25C088B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clockify Report Exporter contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Clockify Report Exporter
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseFilename}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files PyInstaller's bootloader or Python may leave next to the app (never user data).
Type: filesandordirs; Name: "{app}\_internal\__pycache__"
