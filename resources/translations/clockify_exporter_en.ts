<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Save the report as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export is still running. If you quit now, it is cancelled and nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel export and &amp;quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Exports complete Clockify reports as JSON, CSV, Excel or PDF.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;&lt;p&gt;Website: &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide {pyside}, Python {python}&lt;/p&gt;&lt;p&gt;Settings: {settings}&lt;br&gt;Log: {log}&lt;/p&gt;&lt;p&gt;Not affiliated with, endorsed or sponsored by Clockify or CAKE.com. Clockify is a trademark of its owner.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were written to the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: the demo key is used and nothing is stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring was found, so your API key is kept only until you quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API key is stored in the system keyring ({backend}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not on this plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify refused the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify sent impossible data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals do not add up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach Clockify at {server}: the connection failed or was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check your internet connection, proxy or firewall, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify at {server} did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify may be busy: try again in a few minutes, or export a shorter date range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify at {server} had a server error (HTTP {status}), several times in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a problem on Clockify&apos;s side, not yours: try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify&apos;s answers were cut short or garbled, several times in a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, export a shorter date range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify is limiting how fast requests may be sent, and the wait would be longer than allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again later, or export a shorter date range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify refused the request as invalid: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjust the dates, filters or options and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role or your workspace&apos;s plan does not allow this report; ask a workspace admin, or choose another report or format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify at {server} does not accept this API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys belong to one region or subdomain: check the server choice, or create a new key in Clockify under Profile settings → API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} does not look like the Clockify server of your workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server choice: regional and subdomain workspaces have their own servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify could not find it: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the workspace and filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify sent a value that cannot be right (see the details), so the export stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Try again; if it keeps happening, copy the details and send them to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file built from the report does not add up to Clockify&apos;s totals, so it was not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again; if it happens again, export JSON and copy the details to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again. If it keeps happening, copy the details and send them to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full address such as https://clockify.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter only the first part of your workspace address, e.g. acme for acme.clockify.me.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EU (Germany)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo server ({address})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your workspace&apos;s subdomain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a valid Clockify subdomain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a usable server address: it contains a space, a backslash, an &apos;@&apos;, a control or a non-ASCII character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a plain address such as https://clockify.example.com (for an international domain name, its xn-- form).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a server address: the host or the port is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full address such as https://clockify.example.com:8443; ports go from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; has port {port}; ports go from 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the port number after the &apos;:&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing plain HTTP to {host}: your API key would be sent unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https:// address (plain http is allowed only for this computer, 127.0.0.1 or localhost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{address}&apos; has a query or a fragment (a part after &apos;?&apos; or &apos;#&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter only the server&apos;s root address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} answered with a redirect to {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server} answered with a redirect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app does not follow redirects, so your API key stays with the server you chose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server address: it should be the Clockify server itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to send the API key to {host}: it is not {server}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to send the API key to an address that is not {server}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a bug or a server that redirects elsewhere; check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so the API key cannot be remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is kept for this session only. On Linux, install and unlock a Secret Service keyring (e.g. GNOME Keyring or KWallet) to have it remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your keyring (password manager) and try again; until then the key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring could not read the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring could not store the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring could not delete the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify makes no {format} files on the Free plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose this app&apos;s layout (or Automatic), which builds the file from the JSON report, or upgrade the workspace&apos;s plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Try again; if it keeps happening, export a shorter date range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Clockify sent the same page again instead of new entries: it seems to ignore paging, so the export stopped after %Ln entries.</source>
        <translation>
            <numerusform>Clockify sent the same page again instead of new entries: it seems to ignore paging, so the export stopped after %Ln entry.</numerusform>
            <numerusform>Clockify sent the same page again instead of new entries: it seems to ignore paging, so the export stopped after %Ln entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clockify counted %Ln entries but sent only {received} different ones.</source>
        <translation>
            <numerusform>Clockify counted %Ln entry but sent only {received} different ones.</numerusform>
            <numerusform>Clockify counted %Ln entries but sent only {received} different ones.</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no permission to write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drive is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space or save to another drive; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another folder; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {path}. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the Free plan&apos;s hourly request limit: resuming at {time}. You can cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Clockify asked to slow down (rate limit): resuming in %n s.</source>
        <translation>
            <numerusform>Clockify asked to slow down (rate limit): resuming in %n s.</numerusform>
            <numerusform>Clockify asked to slow down (rate limit): resuming in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clockify did not answer properly: trying again in %n s.</source>
        <translation>
            <numerusform>Clockify did not answer properly: trying again in %n s.</numerusform>
            <numerusform>Clockify did not answer properly: trying again in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests needed: at least %Ln (one more per 1,000 entries).</source>
        <translation>
            <numerusform>Requests needed: at least %Ln (one more per 1,000 entries).</numerusform>
            <numerusform>Requests needed: at least %Ln (one more per 1,000 entries).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests needed: %Ln.</source>
        <translation>
            <numerusform>Request needed: %Ln.</numerusform>
            <numerusform>Requests needed: %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This takes about {time}: the Free plan allows %n requests an hour.</source>
        <translation>
            <numerusform>This takes about {time}: the Free plan allows %n request an hour.</numerusform>
            <numerusform>This takes about {time}: the Free plan allows %n requests an hour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The Free plan allows %n requests an hour.</source>
        <translation>
            <numerusform>The Free plan allows %n request an hour.</numerusform>
            <numerusform>The Free plan allows %n requests an hour.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range {i} of {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{written} of %Ln entries written</source>
        <translation>
            <numerusform>{written} of %Ln entry written</numerusform>
            <numerusform>{written} of %Ln entries written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) written</source>
        <translation>
            <numerusform>%Ln item written</numerusform>
            <numerusform>%Ln items written</numerusform>
        </translation>
    </message>
    <message>
        <source>page {done} of {planned}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) sent.</source>
        <translation>
            <numerusform>%Ln request sent.</numerusform>
            <numerusform>%Ln requests sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Elapsed {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly reports cover whole weeks starting on {day}: the export runs from {start} to {end}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app builds one {format} file from Clockify&apos;s JSON report: every entry, on any plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The range needs %n requests, and Clockify&apos;s {format} files cannot be joined, so there is one file per date range, named after it.</source>
        <translation>
            <numerusform>The range needs %n request, and Clockify&apos;s {format} files cannot be joined, so there is one file per date range, named after it.</numerusform>
            <numerusform>The range needs %n requests, and Clockify&apos;s {format} files cannot be joined, so there is one file per date range, named after it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clockify&apos;s own PDFs stop at {rows} rows; a longer report is cut there (choose this app&apos;s layout for every row).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify&apos;s PDF stops at {cap} rows and did not say how many this report has, so this app built the complete PDF from the JSON report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Clockify&apos;s PDF stops at {cap} rows and this report has %Ln, so this app built the complete PDF from the JSON report.</source>
        <translation>
            <numerusform>Clockify&apos;s PDF stops at {cap} rows and this report has %Ln, so this app built the complete PDF from the JSON report.</numerusform>
            <numerusform>Clockify&apos;s PDF stops at {cap} rows and this report has %Ln, so this app built the complete PDF from the JSON report.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clockify does not show amounts to your role, so this export has no amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Clockify allows at most %n days per request for this workspace, so the range was fetched in smaller parts.</source>
        <translation>
            <numerusform>Clockify allows at most %n day per request for this workspace, so the range was fetched in smaller parts.</numerusform>
            <numerusform>Clockify allows at most %n days per request for this workspace, so the range was fetched in smaller parts.</numerusform>
        </translation>
    </message>
    <message>
        <source>{time} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify&apos;s own file, saved as Clockify made it: its entries are not read, so they were not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Verified: {written} of %Ln entries Clockify counted</source>
        <translation>
            <numerusform>Verified: {written} of %Ln entry Clockify counted</numerusform>
            <numerusform>Verified: {written} of %Ln entries Clockify counted</numerusform>
        </translation>
    </message>
    <message>
        <source>total {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billable {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify does not say which plan this workspace is on, so this app keeps to the Free plan&apos;s limits: at most {days} days per request and {quota} requests per hour. Longer ranges are split automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free plan: at most {days} days per request and {quota} requests per hour; Clockify makes no {formats} files, so this app builds them. Longer ranges are split automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid plan: every format, any date range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{plan} plan: every format, any date range.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subdomain or server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your Clockify API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget ke&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the key from this computer and sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do I find my API key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in to {server}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name} ({email}) on {server}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no workspaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subdomain, e.g. acme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://clockify.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key for {server} was forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subdomain (Enterprise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ign in again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatePanel</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past two weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date range preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran&amp;ge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Clockify profile uses {zone}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end date {end} is before the start date {start}. Pick an end date on or after the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone this computer knows. Pick one from the list, e.g. Europe/Berlin or UTC.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app&apos;s (any plan, one file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify&apos;s (as in the web app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app builds CSV, Excel and PDF files from Clockify&apos;s JSON report: every entry in one file, on any plan. Clockify&apos;s own files look as in the web app, but the Free plan gets none as CSV or Excel and its PDFs stop at {rows} rows. Automatic takes Clockify&apos;s file when it is complete and allowed, else this app&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The separator between columns: French or German Excel expects a semicolon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect against formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell that starts with = + - or @ gets a leading &apos; so that a spreadsheet shows it as text and never runs it. Turn off for programs that read the CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as UTF-8 for E&amp;xcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts the file with a byte-order mark, without which Excel misreads accents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also save a &amp;verification record (.manifest.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A small file beside the export with what was checked (entries, totals, requests), the export&apos;s choices and a SHA-256 fingerprint of every file: for your records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes about this export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why Export is unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed and remaining time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to save, then export (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the export; nothing is saved (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%p %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) in {folder}.</source>
        <translation>
            <numerusform>Saved %n file in {folder}.</numerusform>
            <numerusform>Saved %n files in {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification record: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to Clockify: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ope&amp;n file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folde&amp;r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>has any of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has all of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has none of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How entries match the chosen tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only entries without a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only entries without a task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable and non-billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billable only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-billable only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoicing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry with tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billable:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description contains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading projects, clients, users and tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expense reports cannot be filtered by this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify offers this for detailed reports only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter lists could not be loaded: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose projects first: tasks belong to projects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{app} — DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where do I find my API &amp;key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes when the app starts next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clockify makes no {format} files on the Free plan: choose this app&apos;s layout (or Automatic), which builds them from the JSON report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Export result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickList</name>
    <message>
        <source>Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickListButton</name>
    <message>
        <source>Search {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No filter: every item is included.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportTabs</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry creation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours and minutes (1:30:00)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimal hours (1.50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time entry (description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every time entry, one per row. The sort applies to CSV, Excel and PDF; JSON lists entries in the order they were created, so no page can be skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart (PDF):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weeks start on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly reports cover whole weeks: a range is widened to the first and last day of its weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per person and day: first start, last end, time worked and breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expenses are filtered by project, task, client, user, user group, billable and status only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Durations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How durations are written in files this app renders; Clockify&apos;s own CSV, Excel and PDF files follow your Clockify settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round times as set in Clockify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each summary group level must be different.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} (your Clockify profile)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
