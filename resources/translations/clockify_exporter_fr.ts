<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Save the report as</source>
        <translation>Enregistrer le rapport sous</translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation>Export en cours</translation>
    </message>
    <message>
        <source>An export is still running. If you quit now, it is cancelled and nothing is saved.</source>
        <translation>Un export est encore en cours. Si vous quittez maintenant, il est annulé et rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Cancel export and &amp;quit</source>
        <translation>Annuler l&apos;export et &amp;quitter</translation>
    </message>
    <message>
        <source>&amp;Keep exporting</source>
        <translation>&amp;Continuer l&apos;export</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Exports complete Clockify reports as JSON, CSV, Excel or PDF.&lt;/p&gt;&lt;p&gt;Free software under the MIT licence.&lt;/p&gt;&lt;p&gt;Website: &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide {pyside}, Python {python}&lt;/p&gt;&lt;p&gt;Settings: {settings}&lt;br&gt;Log: {log}&lt;/p&gt;&lt;p&gt;Not affiliated with, endorsed or sponsored by Clockify or CAKE.com. Clockify is a trademark of its owner.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{app}&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Exporte des rapports Clockify complets en JSON, CSV, Excel ou PDF.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence MIT.&lt;/p&gt;&lt;p&gt;Site web : &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Qt {qt}, PySide {pyside}, Python {python}&lt;/p&gt;&lt;p&gt;Réglages : {settings}&lt;br&gt;Journal : {log}&lt;/p&gt;&lt;p&gt;Sans lien avec Clockify ni CAKE.com, qui ne l&apos;approuvent ni ne le parrainent. Clockify est une marque de son propriétaire.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>The details were written to the log file.</source>
        <translation>Les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
        <source>Demo mode: the demo key is used and nothing is stored.</source>
        <translation>Mode démo : la clé de démonstration est utilisée et rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>No system keyring was found, so your API key is kept only until you quit.</source>
        <translation>Aucun trousseau système n&apos;a été trouvé : votre clé d&apos;API n&apos;est gardée que jusqu&apos;à la fermeture.</translation>
    </message>
    <message>
        <source>Your API key is stored in the system keyring ({backend}).</source>
        <translation>Votre clé d&apos;API est enregistrée dans le trousseau du système ({backend}).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>Something unexpected went wrong</source>
        <translation>Un problème inattendu s&apos;est produit</translation>
    </message>
    <message>
        <source>Check your choices</source>
        <translation>Vérifiez vos choix</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Trousseau</translation>
    </message>
    <message>
        <source>API key not accepted</source>
        <translation>Clé d&apos;API refusée</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>Not on this plan</source>
        <translation>Pas avec cet abonnement</translation>
    </message>
    <message>
        <source>Wrong server</source>
        <translation>Mauvais serveur</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Clockify refused the request</source>
        <translation>Clockify a refusé la requête</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de débit</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Pas de connexion</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>Pas de réponse à temps</translation>
    </message>
    <message>
        <source>Clockify server error</source>
        <translation>Erreur du serveur Clockify</translation>
    </message>
    <message>
        <source>Broken answer</source>
        <translation>Réponse incomplète</translation>
    </message>
    <message>
        <source>Could not save the file</source>
        <translation>Impossible d&apos;enregistrer le fichier</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export annulé</translation>
    </message>
    <message>
        <source>Clockify sent impossible data</source>
        <translation>Clockify a envoyé des données impossibles</translation>
    </message>
    <message>
        <source>Entries missing</source>
        <translation>Entrées manquantes</translation>
    </message>
    <message>
        <source>Totals do not add up</source>
        <translation>Les totaux ne concordent pas</translation>
    </message>
    <message>
        <source>Could not reach Clockify at {server}: the connection failed or was dropped.</source>
        <translation>Impossible de joindre Clockify sur {server} : la connexion a échoué ou a été coupée.</translation>
    </message>
    <message>
        <source>Check your internet connection, proxy or firewall, then try again.</source>
        <translation>Vérifiez votre connexion Internet, votre proxy ou votre pare-feu, puis réessayez.</translation>
    </message>
    <message>
        <source>Clockify at {server} did not answer in time.</source>
        <translation>Clockify sur {server} n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Clockify may be busy: try again in a few minutes, or export a shorter date range.</source>
        <translation>Clockify est peut-être surchargé : réessayez dans quelques minutes ou exportez une période plus courte.</translation>
    </message>
    <message>
        <source>Clockify at {server} had a server error (HTTP {status}), several times in a row.</source>
        <translation>Clockify sur {server} a renvoyé une erreur serveur (HTTP {status}), plusieurs fois de suite.</translation>
    </message>
    <message>
        <source>This is a problem on Clockify&apos;s side, not yours: try again in a few minutes.</source>
        <translation>Le problème vient de Clockify, pas de vous : réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>Clockify&apos;s answers were cut short or garbled, several times in a row.</source>
        <translation>Les réponses de Clockify étaient tronquées ou illisibles, plusieurs fois de suite.</translation>
    </message>
    <message>
        <source>Try again; if it keeps happening, export a shorter date range.</source>
        <translation>Réessayez ; si cela se reproduit, exportez une période plus courte.</translation>
    </message>
    <message>
        <source>Clockify is limiting how fast requests may be sent, and the wait would be longer than allowed.</source>
        <translation>Clockify limite le rythme des requêtes, et l&apos;attente dépasserait la durée permise.</translation>
    </message>
    <message>
        <source>Try again later, or export a shorter date range.</source>
        <translation>Réessayez plus tard ou exportez une période plus courte.</translation>
    </message>
    <message>
        <source>Clockify refused the request as invalid: {reason}</source>
        <translation>Clockify a refusé la requête comme invalide : {reason}</translation>
    </message>
    <message>
        <source>Adjust the dates, filters or options and try again.</source>
        <translation>Modifiez les dates, les filtres ou les options, puis réessayez.</translation>
    </message>
    <message>
        <source>Clockify refused: {reason}</source>
        <translation>Clockify a refusé : {reason}</translation>
    </message>
    <message>
        <source>Your role or your workspace&apos;s plan does not allow this report; ask a workspace admin, or choose another report or format.</source>
        <translation>Votre rôle ou l&apos;abonnement de l&apos;espace de travail ne permet pas ce rapport ; demandez à un administrateur, ou choisissez un autre rapport ou format.</translation>
    </message>
    <message>
        <source>Clockify at {server} does not accept this API key.</source>
        <translation>Clockify sur {server} n&apos;accepte pas cette clé d&apos;API.</translation>
    </message>
    <message>
        <source>API keys belong to one region or subdomain: check the server choice, or create a new key in Clockify under Profile settings → API.</source>
        <translation>Une clé d&apos;API appartient à une seule région ou à un seul sous-domaine : vérifiez le serveur choisi, ou créez une nouvelle clé dans Clockify sous Paramètres du profil → API.</translation>
    </message>
    <message>
        <source>{server} does not look like the Clockify server of your workspace.</source>
        <translation>{server} ne semble pas être le serveur Clockify de votre espace de travail.</translation>
    </message>
    <message>
        <source>Check the server choice: regional and subdomain workspaces have their own servers.</source>
        <translation>Vérifiez le serveur choisi : les espaces régionaux et à sous-domaine ont leurs propres serveurs.</translation>
    </message>
    <message>
        <source>Clockify could not find it: {reason}</source>
        <translation>Clockify ne le trouve pas : {reason}</translation>
    </message>
    <message>
        <source>Check the workspace and filters.</source>
        <translation>Vérifiez l&apos;espace de travail et les filtres.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Clockify sent a value that cannot be right (see the details), so the export stopped.</source>
        <translation>Clockify a envoyé une valeur qui ne peut pas être juste (voir les détails) : l&apos;export s&apos;est donc arrêté.</translation>
    </message>
    <message>
        <source>Nothing was saved. Try again; if it keeps happening, copy the details and send them to support.</source>
        <translation>Rien n&apos;a été enregistré. Réessayez ; si cela se reproduit, copiez les détails et envoyez-les au support.</translation>
    </message>
    <message>
        <source>The file built from the report does not add up to Clockify&apos;s totals, so it was not saved.</source>
        <translation>Le fichier construit à partir du rapport ne correspond pas aux totaux de Clockify : il n&apos;a donc pas été enregistré.</translation>
    </message>
    <message>
        <source>Try again; if it happens again, export JSON and copy the details to support.</source>
        <translation>Réessayez ; si cela se reproduit, exportez en JSON et copiez les détails pour le support.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Un problème inattendu s&apos;est produit.</translation>
    </message>
    <message>
        <source>Please try again. If it keeps happening, copy the details and send them to support.</source>
        <translation>Veuillez réessayer. Si cela se reproduit, copiez les détails et envoyez-les au support.</translation>
    </message>
    <message>
        <source>Enter a full address such as https://clockify.example.com.</source>
        <translation>Saisissez une adresse complète, p. ex. https://clockify.example.com.</translation>
    </message>
    <message>
        <source>Enter only the first part of your workspace address, e.g. acme for acme.clockify.me.</source>
        <translation>Saisissez seulement la première partie de l&apos;adresse de votre espace de travail, p. ex. acme pour acme.clockify.me.</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Mondial</translation>
    </message>
    <message>
        <source>EU (Germany)</source>
        <translation>UE (Allemagne)</translation>
    </message>
    <message>
        <source>USA</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>UK</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australie</translation>
    </message>
    <message>
        <source>Demo server ({address})</source>
        <translation>Serveur de démonstration ({address})</translation>
    </message>
    <message>
        <source>Enter your workspace&apos;s subdomain.</source>
        <translation>Saisissez le sous-domaine de votre espace de travail.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a valid Clockify subdomain.</source>
        <translation>« {address} » n&apos;est pas un sous-domaine Clockify valide.</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>Saisissez l&apos;adresse du serveur.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a server address.</source>
        <translation>« {address} » n&apos;est pas une adresse de serveur.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a usable server address: it contains a space, a backslash, an &apos;@&apos;, a control or a non-ASCII character.</source>
        <translation>« {address} » n&apos;est pas une adresse de serveur utilisable : elle contient une espace, une barre oblique inverse, un « @ », un caractère de contrôle ou un caractère non ASCII.</translation>
    </message>
    <message>
        <source>Enter a plain address such as https://clockify.example.com (for an international domain name, its xn-- form).</source>
        <translation>Saisissez une adresse simple, p. ex. https://clockify.example.com (pour un nom de domaine internationalisé, sa forme en xn--).</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; is not a server address: the host or the port is not valid.</source>
        <translation>« {address} » n&apos;est pas une adresse de serveur : l&apos;hôte ou le port n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Enter a full address such as https://clockify.example.com:8443; ports go from 1 to 65535.</source>
        <translation>Saisissez une adresse complète, p. ex. https://clockify.example.com:8443 ; les ports vont de 1 à 65535.</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; has port {port}; ports go from 1 to 65535.</source>
        <translation>« {address} » indique le port {port} ; les ports vont de 1 à 65535.</translation>
    </message>
    <message>
        <source>Check the port number after the &apos;:&apos;.</source>
        <translation>Vérifiez le numéro de port après le « : ».</translation>
    </message>
    <message>
        <source>Refusing plain HTTP to {host}: your API key would be sent unencrypted.</source>
        <translation>HTTP simple refusé vers {host} : votre clé d&apos;API serait envoyée sans chiffrement.</translation>
    </message>
    <message>
        <source>Use an https:// address (plain http is allowed only for this computer, 127.0.0.1 or localhost).</source>
        <translation>Utilisez une adresse https:// (le http simple n&apos;est permis que pour cet ordinateur, 127.0.0.1 ou localhost).</translation>
    </message>
    <message>
        <source>&apos;{address}&apos; has a query or a fragment (a part after &apos;?&apos; or &apos;#&apos;).</source>
        <translation>« {address} » contient une requête ou un fragment (une partie après « ? » ou « # »).</translation>
    </message>
    <message>
        <source>Enter only the server&apos;s root address.</source>
        <translation>Saisissez seulement l&apos;adresse racine du serveur.</translation>
    </message>
    <message>
        <source>{server} answered with a redirect to {host}.</source>
        <translation>{server} a répondu par une redirection vers {host}.</translation>
    </message>
    <message>
        <source>{server} answered with a redirect.</source>
        <translation>{server} a répondu par une redirection.</translation>
    </message>
    <message>
        <source>The app does not follow redirects, so your API key stays with the server you chose.</source>
        <translation>L&apos;application ne suit pas les redirections : votre clé d&apos;API reste auprès du serveur choisi.</translation>
    </message>
    <message>
        <source>Check the server address: it should be the Clockify server itself.</source>
        <translation>Vérifiez l&apos;adresse du serveur : ce doit être le serveur Clockify lui-même.</translation>
    </message>
    <message>
        <source>Refusing to send the API key to {host}: it is not {server}.</source>
        <translation>Envoi de la clé d&apos;API à {host} refusé : ce n&apos;est pas {server}.</translation>
    </message>
    <message>
        <source>Refusing to send the API key to an address that is not {server}.</source>
        <translation>Envoi de la clé d&apos;API refusé vers une adresse qui n&apos;est pas {server}.</translation>
    </message>
    <message>
        <source>This is a bug or a server that redirects elsewhere; check the server address.</source>
        <translation>C&apos;est un bogue ou un serveur qui redirige ailleurs ; vérifiez l&apos;adresse du serveur.</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer, so the API key cannot be remembered.</source>
        <translation>Aucun trousseau système n&apos;est disponible sur cet ordinateur : la clé d&apos;API ne peut pas être mémorisée.</translation>
    </message>
    <message>
        <source>The key is kept for this session only. On Linux, install and unlock a Secret Service keyring (e.g. GNOME Keyring or KWallet) to have it remembered.</source>
        <translation>La clé n&apos;est gardée que jusqu&apos;à la fermeture. Sous Linux, installez et déverrouillez un trousseau Secret Service (p. ex. GNOME Keyring ou KWallet) pour qu&apos;elle soit mémorisée.</translation>
    </message>
    <message>
        <source>The system keyring is locked.</source>
        <translation>Le trousseau du système est verrouillé.</translation>
    </message>
    <message>
        <source>Unlock your keyring (password manager) and try again; until then the key is kept for this session only.</source>
        <translation>Déverrouillez votre trousseau (gestionnaire de mots de passe) et réessayez ; d&apos;ici là, la clé n&apos;est gardée que jusqu&apos;à la fermeture.</translation>
    </message>
    <message>
        <source>The system keyring could not read the API key.</source>
        <translation>Le trousseau du système n&apos;a pas pu lire la clé d&apos;API.</translation>
    </message>
    <message>
        <source>The system keyring could not store the API key.</source>
        <translation>Le trousseau du système n&apos;a pas pu enregistrer la clé d&apos;API.</translation>
    </message>
    <message>
        <source>The system keyring could not delete the API key.</source>
        <translation>Le trousseau du système n&apos;a pas pu supprimer la clé d&apos;API.</translation>
    </message>
    <message>
        <source>The key is kept for this session only.</source>
        <translation>La clé n&apos;est gardée que jusqu&apos;à la fermeture.</translation>
    </message>
    <message>
        <source>Clockify makes no {format} files on the Free plan.</source>
        <translation>Clockify ne fournit pas de fichiers {format} avec le forfait Free.</translation>
    </message>
    <message>
        <source>Choose this app&apos;s layout (or Automatic), which builds the file from the JSON report, or upgrade the workspace&apos;s plan.</source>
        <translation>Choisissez la mise en page de l&apos;application (ou Automatique), qui construit le fichier à partir du rapport JSON, ou passez l&apos;espace de travail à un forfait supérieur.</translation>
    </message>
    <message>
        <source>Nothing was saved. Try again; if it keeps happening, export a shorter date range.</source>
        <translation>Rien n&apos;a été enregistré. Réessayez ; si cela se reproduit, exportez une période plus courte.</translation>
    </message>
    <message numerus="yes">
        <source>Clockify sent the same page again instead of new entries: it seems to ignore paging, so the export stopped after %Ln entries.</source>
        <translation>
            <numerusform>Clockify a renvoyé la même page au lieu de nouvelles entrées : il semble ignorer la pagination, l&apos;export s&apos;est donc arrêté après %Ln entrée.</numerusform>
            <numerusform>Clockify a renvoyé la même page au lieu de nouvelles entrées : il semble ignorer la pagination, l&apos;export s&apos;est donc arrêté après %Ln entrées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clockify counted %Ln entries but sent only {received} different ones.</source>
        <translation>
            <numerusform>Clockify a compté %Ln entrée mais n&apos;en a envoyé que {received} différentes.</numerusform>
            <numerusform>Clockify a compté %Ln entrées mais n&apos;en a envoyé que {received} différentes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Le disque est plein.</translation>
    </message>
    <message>
        <source>You have no permission to write there.</source>
        <translation>Vous n&apos;avez pas le droit d&apos;écrire à cet endroit.</translation>
    </message>
    <message>
        <source>The drive is read-only.</source>
        <translation>Le lecteur est en lecture seule.</translation>
    </message>
    <message>
        <source>The folder does not exist.</source>
        <translation>Le dossier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Free some space or save to another drive; nothing was saved.</source>
        <translation>Libérez de la place ou enregistrez sur un autre lecteur ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Choose another folder; nothing was saved.</source>
        <translation>Choisissez un autre dossier ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Could not save {path}. {reason}</source>
        <translation>Impossible d&apos;enregistrer {path}. {reason}</translation>
    </message>
    <message>
        <source>Waiting for the Free plan&apos;s hourly request limit: resuming at {time}. You can cancel.</source>
        <translation>Attente de la limite horaire de requêtes de l&apos;abonnement gratuit : reprise à {time}. Vous pouvez annuler.</translation>
    </message>
    <message numerus="yes">
        <source>Clockify asked to slow down (rate limit): resuming in %n s.</source>
        <translation>
            <numerusform>Clockify demande de ralentir (limite de débit) : reprise dans %n s.</numerusform>
            <numerusform>Clockify demande de ralentir (limite de débit) : reprise dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clockify did not answer properly: trying again in %n s.</source>
        <translation>
            <numerusform>Clockify n&apos;a pas répondu correctement : nouvel essai dans %n s.</numerusform>
            <numerusform>Clockify n&apos;a pas répondu correctement : nouvel essai dans %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests needed: at least %Ln (one more per 1,000 entries).</source>
        <translation>
            <numerusform>Requêtes nécessaires : au moins %Ln (une de plus par tranche de 1 000 entrées).</numerusform>
            <numerusform>Requêtes nécessaires : au moins %Ln (une de plus par tranche de 1 000 entrées).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requests needed: %Ln.</source>
        <translation>
            <numerusform>Requête nécessaire : %Ln.</numerusform>
            <numerusform>Requêtes nécessaires : %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This takes about {time}: the Free plan allows %n requests an hour.</source>
        <translation>
            <numerusform>Cela prend environ {time} : l&apos;abonnement gratuit permet %n requête par heure.</numerusform>
            <numerusform>Cela prend environ {time} : l&apos;abonnement gratuit permet %n requêtes par heure.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The Free plan allows %n requests an hour.</source>
        <translation>
            <numerusform>L&apos;abonnement gratuit permet %n requête par heure.</numerusform>
            <numerusform>L&apos;abonnement gratuit permet %n requêtes par heure.</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Finalisation…</translation>
    </message>
    <message>
        <source>Date range {i} of {n}.</source>
        <translation>Période {i} sur {n}.</translation>
    </message>
    <message numerus="yes">
        <source>{written} of %Ln entries written</source>
        <translation>
            <numerusform>{written} entrée sur %Ln écrite</numerusform>
            <numerusform>{written} entrées sur %Ln écrites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln item(s) written</source>
        <translation>
            <numerusform>%Ln élément écrit</numerusform>
            <numerusform>%Ln éléments écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>page {done} of {planned}</source>
        <translation>page {done} sur {planned}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) sent.</source>
        <translation>
            <numerusform>%Ln requête envoyée.</numerusform>
            <numerusform>%Ln requêtes envoyées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Elapsed {time}</source>
        <translation>Écoulé {time}</translation>
    </message>
    <message>
        <source>about {time} left</source>
        <translation>encore {time} environ</translation>
    </message>
    <message>
        <source>Weekly reports cover whole weeks starting on {day}: the export runs from {start} to {end}.</source>
        <translation>Les rapports hebdomadaires couvrent des semaines entières commençant le {day} : l&apos;export va du {start} au {end}.</translation>
    </message>
    <message>
        <source>This app builds one {format} file from Clockify&apos;s JSON report: every entry, on any plan.</source>
        <translation>L&apos;application crée un seul fichier {format} à partir du rapport JSON de Clockify : toutes les entrées, quel que soit l&apos;abonnement.</translation>
    </message>
    <message numerus="yes">
        <source>The range needs %n requests, and Clockify&apos;s {format} files cannot be joined, so there is one file per date range, named after it.</source>
        <translation>
            <numerusform>La période demande %n requête, et les fichiers {format} de Clockify ne peuvent pas être réunis : il y a donc un fichier par période, nommé d&apos;après elle.</numerusform>
            <numerusform>La période demande %n requêtes, et les fichiers {format} de Clockify ne peuvent pas être réunis : il y a donc un fichier par période, nommé d&apos;après elle.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clockify&apos;s own PDFs stop at {rows} rows; a longer report is cut there (choose this app&apos;s layout for every row).</source>
        <translation>Les PDF de Clockify s&apos;arrêtent à {rows} lignes ; un rapport plus long y est coupé (choisissez la mise en page de cette application pour toutes les lignes).</translation>
    </message>
    <message>
        <source>Clockify&apos;s PDF stops at {cap} rows and did not say how many this report has, so this app built the complete PDF from the JSON report.</source>
        <translation>Le PDF de Clockify s&apos;arrête à {cap} lignes et Clockify n&apos;a pas indiqué combien ce rapport en a : cette application a donc construit le PDF complet à partir du rapport JSON.</translation>
    </message>
    <message numerus="yes">
        <source>Clockify&apos;s PDF stops at {cap} rows and this report has %Ln, so this app built the complete PDF from the JSON report.</source>
        <translation>
            <numerusform>Le PDF de Clockify s&apos;arrête à {cap} lignes et ce rapport en a %Ln : cette application a donc construit le PDF complet à partir du rapport JSON.</numerusform>
            <numerusform>Le PDF de Clockify s&apos;arrête à {cap} lignes et ce rapport en a %Ln : cette application a donc construit le PDF complet à partir du rapport JSON.</numerusform>
        </translation>
    </message>
    <message>
        <source>Clockify does not show amounts to your role, so this export has no amounts.</source>
        <translation>Clockify ne montre pas les montants à votre rôle : cet export n&apos;a donc pas de montants.</translation>
    </message>
    <message numerus="yes">
        <source>Clockify allows at most %n days per request for this workspace, so the range was fetched in smaller parts.</source>
        <translation>
            <numerusform>Clockify autorise au plus %n jour par requête pour cet espace de travail : la période a donc été récupérée en plusieurs parties.</numerusform>
            <numerusform>Clockify autorise au plus %n jours par requête pour cet espace de travail : la période a donc été récupérée en plusieurs parties.</numerusform>
        </translation>
    </message>
    <message>
        <source>{time} h</source>
        <translation>{time} h</translation>
    </message>
    <message>
        <source>Clockify&apos;s own file, saved as Clockify made it: its entries are not read, so they were not counted</source>
        <translation>Fichier de Clockify, enregistré tel que Clockify l&apos;a fait : ses entrées ne sont pas lues, elles n&apos;ont donc pas été comptées</translation>
    </message>
    <message numerus="yes">
        <source>Verified: {written} of %Ln entries Clockify counted</source>
        <translation>
            <numerusform>Vérifié : {written} entrée sur %Ln comptée par Clockify</numerusform>
            <numerusform>Vérifié : {written} entrées sur %Ln comptées par Clockify</numerusform>
        </translation>
    </message>
    <message>
        <source>total {time}</source>
        <translation>total {time}</translation>
    </message>
    <message>
        <source>billable {time}</source>
        <translation>facturable {time}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln requête</numerusform>
            <numerusform>%Ln requêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Basic</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Clockify does not say which plan this workspace is on, so this app keeps to the Free plan&apos;s limits: at most {days} days per request and {quota} requests per hour. Longer ranges are split automatically.</source>
        <translation>Clockify n’indique pas le forfait de cet espace de travail : l’application s’en tient donc aux limites du forfait Free, soit {days} jours au plus par requête et {quota} requêtes par heure. Les périodes plus longues sont découpées automatiquement.</translation>
    </message>
    <message>
        <source>Free plan: at most {days} days per request and {quota} requests per hour; Clockify makes no {formats} files, so this app builds them. Longer ranges are split automatically.</source>
        <translation>Forfait Free : au plus {days} jours par requête et {quota} requêtes par heure ; Clockify ne fournit pas de fichiers {formats}, cette application les construit donc. Les périodes plus longues sont découpées automatiquement.</translation>
    </message>
    <message>
        <source>Paid plan: every format, any date range.</source>
        <translation>Abonnement payant : tous les formats, toute période.</translation>
    </message>
    <message>
        <source>{plan} plan: every format, any date range.</source>
        <translation>Abonnement {plan} : tous les formats, toute période.</translation>
    </message>
</context>
<context>
    <name>AccountPanel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Clockify server</source>
        <translation>Serveur Clockify</translation>
    </message>
    <message>
        <source>Subdomain or server address</source>
        <translation>Sous-domaine ou adresse du serveur</translation>
    </message>
    <message>
        <source>Paste your Clockify API key</source>
        <translation>Collez votre clé d&apos;API Clockify</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé d&apos;API</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Afficher la clé</translation>
    </message>
    <message>
        <source>S&amp;ign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Forget ke&amp;y</source>
        <translation>Oublier la clé</translation>
    </message>
    <message>
        <source>Remove the key from this computer and sign out</source>
        <translation>Retirer la clé de cet ordinateur et se déconnecter</translation>
    </message>
    <message>
        <source>Where do I find my API key?</source>
        <translation>Où trouver ma clé d&apos;API ?</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Workspace plan</source>
        <translation>Abonnement de l&apos;espace de travail</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé d&apos;API :</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>Espace de tra&amp;vail :</translation>
    </message>
    <message>
        <source>Paste your API key first.</source>
        <translation>Collez d&apos;abord votre clé d&apos;API.</translation>
    </message>
    <message>
        <source>Signing in to {server}…</source>
        <translation>Connexion à {server}…</translation>
    </message>
    <message>
        <source>Signed in as {name} ({email}) on {server}.</source>
        <translation>Connecté en tant que {name} ({email}) sur {server}.</translation>
    </message>
    <message>
        <source>This account has no workspaces.</source>
        <translation>Ce compte n&apos;a aucun espace de travail.</translation>
    </message>
    <message>
        <source>Subdomain, e.g. acme</source>
        <translation>Sous-domaine, p. ex. acme</translation>
    </message>
    <message>
        <source>https://clockify.example.com</source>
        <translation>https://clockify.example.com</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Masquer la clé</translation>
    </message>
    <message>
        <source>The API key for {server} was forgotten.</source>
        <translation>La clé d&apos;API de {server} a été oubliée.</translation>
    </message>
    <message>
        <source>Subdomain (Enterprise)</source>
        <translation>Sous-domaine (Enterprise)</translation>
    </message>
    <message>
        <source>Custom server address</source>
        <translation>Adresse de serveur personnalisée</translation>
    </message>
    <message>
        <source>S&amp;ign in again</source>
        <translation>Se reconnecter</translation>
    </message>
</context>
<context>
    <name>DatePanel</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>La semaine dernière</translation>
    </message>
    <message>
        <source>Past two weeks</source>
        <translation>Les deux dernières semaines</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>L&apos;année dernière</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Les 7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Les 30 derniers jours</translation>
    </message>
    <message>
        <source>Date range</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Date range preset</source>
        <translation>Période prédéfinie</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Ran&amp;ge:</source>
        <translation>&amp;Période :</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Fuseau &amp;horaire :</translation>
    </message>
    <message>
        <source>Your Clockify profile uses {zone}.</source>
        <translation>Votre profil Clockify utilise {zone}.</translation>
    </message>
    <message>
        <source>The end date {end} is before the start date {start}. Pick an end date on or after the start date.</source>
        <translation>La date de fin {end} précède la date de début {start}. Choisissez une date de fin égale ou postérieure à la date de début.</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone this computer knows. Pick one from the list, e.g. Europe/Berlin or UTC.</source>
        <translation>« {zone} » n&apos;est pas un fuseau horaire connu de cet ordinateur. Choisissez-en un dans la liste, p. ex. Europe/Paris ou UTC.</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>Format de fichier</translation>
    </message>
    <message>
        <source>Layout of the file</source>
        <translation>Mise en page du fichier</translation>
    </message>
    <message>
        <source>This app&apos;s (any plan, one file)</source>
        <translation>Celle de l&apos;application (tout forfait, un fichier)</translation>
    </message>
    <message>
        <source>Clockify&apos;s (as in the web app)</source>
        <translation>Celle de Clockify (comme dans l&apos;application web)</translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation>Automatique (recommandé)</translation>
    </message>
    <message>
        <source>This app builds CSV, Excel and PDF files from Clockify&apos;s JSON report: every entry in one file, on any plan. Clockify&apos;s own files look as in the web app, but the Free plan gets none as CSV or Excel and its PDFs stop at {rows} rows. Automatic takes Clockify&apos;s file when it is complete and allowed, else this app&apos;s.</source>
        <translation>Cette application construit les fichiers CSV, Excel et PDF à partir du rapport JSON de Clockify : toutes les entrées dans un seul fichier, avec tout forfait. Les fichiers de Clockify ressemblent à ceux de l&apos;application web, mais le forfait Free n&apos;en a aucun en CSV ou Excel et ses PDF s&apos;arrêtent à {rows} lignes. Automatique prend le fichier de Clockify quand il est complet et autorisé, sinon celui de l&apos;application.</translation>
    </message>
    <message>
        <source>CSV separator</source>
        <translation>Séparateur CSV</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Virgule (,)</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Point-virgule (;)</translation>
    </message>
    <message>
        <source>The separator between columns: French or German Excel expects a semicolon.</source>
        <translation>Le séparateur des colonnes : Excel en français ou en allemand attend un point-virgule.</translation>
    </message>
    <message>
        <source>Protect against formulas</source>
        <translation>Protéger des formules</translation>
    </message>
    <message>
        <source>A cell that starts with = + - or @ gets a leading &apos; so that a spreadsheet shows it as text and never runs it. Turn off for programs that read the CSV.</source>
        <translation>Une cellule qui commence par = + - ou @ reçoit une &apos; devant, pour qu&apos;un tableur l&apos;affiche comme texte et ne l&apos;exécute jamais. À désactiver pour les programmes qui lisent le CSV.</translation>
    </message>
    <message>
        <source>Mark as UTF-8 for E&amp;xcel</source>
        <translation>Marquer en UTF-8 pour E&amp;xcel</translation>
    </message>
    <message>
        <source>Starts the file with a byte-order mark, without which Excel misreads accents.</source>
        <translation>Commence le fichier par une marque d&apos;ordre des octets (BOM), sans laquelle Excel lit mal les accents.</translation>
    </message>
    <message>
        <source>Also save a &amp;verification record (.manifest.json)</source>
        <translation>Enre&amp;gistrer aussi un relevé de vérification (.manifest.json)</translation>
    </message>
    <message>
        <source>A small file beside the export with what was checked (entries, totals, requests), the export&apos;s choices and a SHA-256 fingerprint of every file: for your records.</source>
        <translation>Un petit fichier à côté de l&apos;export, avec ce qui a été vérifié (entrées, totaux, requêtes), les choix de l&apos;export et une empreinte SHA-256 de chaque fichier : pour vos archives.</translation>
    </message>
    <message>
        <source>Request cost</source>
        <translation>Coût en requêtes</translation>
    </message>
    <message>
        <source>Notes about this export</source>
        <translation>Remarques sur cet export</translation>
    </message>
    <message>
        <source>Why Export is unavailable</source>
        <translation>Pourquoi l&apos;export est impossible</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Avancement de l&apos;export</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>État de l&apos;export</translation>
    </message>
    <message>
        <source>Elapsed and remaining time</source>
        <translation>Temps écoulé et restant</translation>
    </message>
    <message>
        <source>Rate limit wait</source>
        <translation>Attente due à la limite de débit</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Choose where to save, then export (Ctrl+E)</source>
        <translation>Choisir où enregistrer, puis exporter (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>An&amp;nuler</translation>
    </message>
    <message>
        <source>Stop the export; nothing is saved (Esc)</source>
        <translation>Arrêter l&apos;export ; rien n&apos;est enregistré (Échap)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat :</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Mise en page :</translation>
    </message>
    <message>
        <source>CSV:</source>
        <translation>CSV :</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>%p %</source>
        <translation>%p %</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Enregistré : {path}.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n file(s) in {folder}.</source>
        <translation>
            <numerusform>%n fichier enregistré dans {folder}.</numerusform>
            <numerusform>%n fichiers enregistrés dans {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification record: {name}</source>
        <translation>Relevé de vérification : {name}</translation>
    </message>
    <message>
        <source>Requests to Clockify: {count}.</source>
        <translation>Requêtes à Clockify : {count}.</translation>
    </message>
    <message>
        <source>Ope&amp;n file</source>
        <translation>Ouvrir le fichie&amp;r</translation>
    </message>
    <message>
        <source>Show in folde&amp;r</source>
        <translation>Afficher da&amp;ns le dossier</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Copie&amp;r les détails</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export annulé</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>has any of them</source>
        <translation>a l&apos;une d&apos;elles</translation>
    </message>
    <message>
        <source>has all of them</source>
        <translation>les a toutes</translation>
    </message>
    <message>
        <source>has none of them</source>
        <translation>n&apos;en a aucune</translation>
    </message>
    <message>
        <source>Approved or not</source>
        <translation>Approuvées ou non</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approuvées</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>Non approuvées</translation>
    </message>
    <message>
        <source>Invoiced or not</source>
        <translation>Facturées ou non</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>Facturées</translation>
    </message>
    <message>
        <source>Not invoiced</source>
        <translation>Non facturées</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>&amp;Projects</source>
        <translation>Pro&amp;jets</translation>
    </message>
    <message>
        <source>T&amp;asks</source>
        <translation>&amp;Tâches</translation>
    </message>
    <message>
        <source>C&amp;lients</source>
        <translation>C&amp;lients</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>User groups</source>
        <translation>Groupes d&apos;utilisateurs</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>How entries match the chosen tags</source>
        <translation>Comment les entrées correspondent aux étiquettes choisies</translation>
    </message>
    <message>
        <source>Only entries without a project</source>
        <translation>Seulement les entrées sans projet</translation>
    </message>
    <message>
        <source>Only entries without a task</source>
        <translation>Seulement les entrées sans tâche</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Facturable</translation>
    </message>
    <message>
        <source>Billable and non-billable</source>
        <translation>Facturables et non facturables</translation>
    </message>
    <message>
        <source>Billable only</source>
        <translation>Facturables seulement</translation>
    </message>
    <message>
        <source>Non-billable only</source>
        <translation>Non facturables seulement</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approbation</translation>
    </message>
    <message>
        <source>Invoicing</source>
        <translation>Facturation</translation>
    </message>
    <message>
        <source>Any description</source>
        <translation>N&apos;importe quelle description</translation>
    </message>
    <message>
        <source>Description contains</source>
        <translation>La description contient</translation>
    </message>
    <message>
        <source>An entry with tags…</source>
        <translation>Une entrée dont les étiquettes…</translation>
    </message>
    <message>
        <source>&amp;Billable:</source>
        <translation>Factura&amp;ble :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>&amp;Description contains:</source>
        <translation>Description contient :</translation>
    </message>
    <message>
        <source>Loading projects, clients, users and tags…</source>
        <translation>Chargement des projets, clients, utilisateurs et étiquettes…</translation>
    </message>
    <message>
        <source>Expense reports cannot be filtered by this.</source>
        <translation>Les rapports de dépenses ne peuvent pas être filtrés ainsi.</translation>
    </message>
    <message>
        <source>Clockify offers this for detailed reports only.</source>
        <translation>Clockify ne le propose que pour les rapports détaillés.</translation>
    </message>
    <message>
        <source>The filter lists could not be loaded: {message}</source>
        <translation>Les listes de filtres n&apos;ont pas pu être chargées : {message}</translation>
    </message>
    <message>
        <source>Choose projects first: tasks belong to projects.</source>
        <translation>Choisissez d&apos;abord des projets : les tâches appartiennent aux projets.</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archivé)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{app} — DEMO</source>
        <translation>{app} — DÉMO</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Annuler l&apos;export</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Where do I find my API &amp;key?</source>
        <translation>Où trouver ma &amp;clé d&apos;API ?</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language changes when the app starts next time.</source>
        <translation>La langue change au prochain démarrage de l&apos;application.</translation>
    </message>
    <message>
        <source>Sign in to export.</source>
        <translation>Connectez-vous pour exporter.</translation>
    </message>
    <message>
        <source>Choose a workspace.</source>
        <translation>Choisissez un espace de travail.</translation>
    </message>
    <message>
        <source>Clockify makes no {format} files on the Free plan: choose this app&apos;s layout (or Automatic), which builds them from the JSON report.</source>
        <translation>Clockify ne fournit pas de fichiers {format} avec le forfait Free : choisissez la mise en page de l&apos;application (ou Automatique), qui les construit à partir du rapport JSON.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Export result</source>
        <translation>Résultat de l&apos;export</translation>
    </message>
</context>
<context>
    <name>PickList</name>
    <message>
        <source>Search…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Ne rien sélectionner</translation>
    </message>
</context>
<context>
    <name>PickListButton</name>
    <message>
        <source>Search {title}</source>
        <translation>Rechercher : {title}</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n sélectionné</numerusform>
            <numerusform>%n sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}: {summary}</source>
        <translation>{title} : {summary}</translation>
    </message>
    <message>
        <source>No filter: every item is included.</source>
        <translation>Aucun filtre : tout est inclus.</translation>
    </message>
</context>
<context>
    <name>ReportTabs</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Entry creation</source>
        <translation>Création de l&apos;entrée</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Hide amounts</source>
        <translation>Masquer les montants</translation>
    </message>
    <message>
        <source>Hours and minutes (1:30:00)</source>
        <translation>Heures et minutes (1:30:00)</translation>
    </message>
    <message>
        <source>Decimal hours (1.50)</source>
        <translation>Heures décimales (1,50)</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lundi</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Mardi</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mercredi</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jeudi</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Vendredi</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samedi</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Dimanche</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Time entry (description)</source>
        <translation>Entrée de temps (description)</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nom du groupe</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Bénéfice</translation>
    </message>
    <message>
        <source>Billability</source>
        <translation>Facturabilité</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récentes d&apos;abord</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciennes d&apos;abord</translation>
    </message>
    <message>
        <source>Largest first</source>
        <translation>Plus grands d&apos;abord</translation>
    </message>
    <message>
        <source>Smallest first</source>
        <translation>Plus petits d&apos;abord</translation>
    </message>
    <message>
        <source>Z to A</source>
        <translation>De Z à A</translation>
    </message>
    <message>
        <source>A to Z</source>
        <translation>De A à Z</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Détaillé</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Récapitulatif</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présence</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Dépenses</translation>
    </message>
    <message>
        <source>Report type</source>
        <translation>Type de rapport</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Trier par :</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Ordre :</translation>
    </message>
    <message>
        <source>Every time entry, one per row. The sort applies to CSV, Excel and PDF; JSON lists entries in the order they were created, so no page can be skipped.</source>
        <translation>Chaque entrée de temps, une par ligne. Le tri s&apos;applique au CSV, à Excel et au PDF ; le JSON liste les entrées dans l&apos;ordre de leur création, pour qu&apos;aucune page ne soit sautée.</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>Grouper par :</translation>
    </message>
    <message>
        <source>Then by:</source>
        <translation>Puis par :</translation>
    </message>
    <message>
        <source>Chart (PDF):</source>
        <translation>Graphique (PDF) :</translation>
    </message>
    <message>
        <source>Weeks start on:</source>
        <translation>Les semaines commencent le :</translation>
    </message>
    <message>
        <source>Weekly reports cover whole weeks: a range is widened to the first and last day of its weeks.</source>
        <translation>Les rapports hebdomadaires couvrent des semaines entières : la période est étendue au premier et au dernier jour de ses semaines.</translation>
    </message>
    <message>
        <source>One row per person and day: first start, last end, time worked and breaks.</source>
        <translation>Une ligne par personne et par jour : premier début, dernière fin, temps travaillé et pauses.</translation>
    </message>
    <message>
        <source>Expenses are filtered by project, task, client, user, user group, billable and status only.</source>
        <translation>Les dépenses se filtrent uniquement par projet, tâche, client, utilisateur, groupe d&apos;utilisateurs, facturable et statut.</translation>
    </message>
    <message>
        <source>Amounts:</source>
        <translation>Montants :</translation>
    </message>
    <message>
        <source>Durations:</source>
        <translation>Durées :</translation>
    </message>
    <message>
        <source>How durations are written in files this app renders; Clockify&apos;s own CSV, Excel and PDF files follow your Clockify settings.</source>
        <translation>Comment les durées sont écrites dans les fichiers produits par cette application ; les fichiers CSV, Excel et PDF de Clockify suivent vos réglages Clockify.</translation>
    </message>
    <message>
        <source>Round times as set in Clockify</source>
        <translation>Arrondir les durées comme dans Clockify</translation>
    </message>
    <message>
        <source>Each summary group level must be different.</source>
        <translation>Chaque niveau de regroupement du récapitulatif doit être différent.</translation>
    </message>
    <message>
        <source>{day} (your Clockify profile)</source>
        <translation>{day} (votre profil Clockify)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation>Un problème inattendu s&apos;est produit : {error}</translation>
    </message>
</context>
</TS>
