<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Om {app}</translation>
    </message>
    <message>
        <source>{app} {version}</source>
        <translation>{app} {version}</translation>
    </message>
    <message>
        <source>An offline copy of your Microbizz tasks, customers, persons and equipment, synchronised whenever there is a network.</source>
        <translation>En offline-kopi af dine Microbizz-opgaver, kunder, personer og udstyr, synkroniseret når der er netværk.</translation>
    </message>
    <message>
        <source>This run writes no log file.</source>
        <translation>Denne kørsel skriver ingen logfil.</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datamappe:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Logfil:</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Åbn &amp;logmappen</translation>
    </message>
</context>
<context>
    <name>IndicatorGuide</name>
    <message>
        <source>A plain cloud</source>
        <translation>En almindelig sky</translation>
    </message>
    <message>
        <source>All is well: synchronised, and nothing waits for you.</source>
        <translation>Alt er i orden: synkroniseret, og intet venter på dig.</translation>
    </message>
    <message>
        <source>A purple cloud, a yellow circle with a number</source>
        <translation>En lilla sky, en gul cirkel med et tal</translation>
    </message>
    <message>
        <source>Calls to the server are under way; the number says how many. It shows for about a second after you do something, until the server has answered: your action is being handled. Click it to see the calls.</source>
        <translation>Kald til serveren er i gang; tallet siger hvor mange. Den vises i omkring et sekund, efter du har gjort noget, indtil serveren har svaret: din handling bliver behandlet. Klik på den for at se kaldene.</translation>
    </message>
    <message>
        <source>A purple-red circle with a number</source>
        <translation>En lilla-rød cirkel med et tal</translation>
    </message>
    <message>
        <source>The server refused some of your changes; the number says how many. Click it to see each one with the server&apos;s message, and retry or discard it. With &quot;!&quot; instead of a number, background work stopped and is retrying, or the server no longer accepts your password: the strip across the window says which.</source>
        <translation>Serveren afviste nogle af dine ændringer; tallet siger hvor mange. Klik på den for at se hver enkelt med serverens besked og prøve igen eller kassere den. Med &quot;!&quot; i stedet for et tal er arbejdet i baggrunden stoppet og prøver igen, eller serveren godtager ikke længere din adgangskode: bjælken hen over vinduet siger hvilket.</translation>
    </message>
    <message>
        <source>A red circle with &quot;!&quot;</source>
        <translation>En rød cirkel med &quot;!&quot;</translation>
    </message>
    <message>
        <source>Not synchronised for more than {minutes} minutes, so what you see may be out of date. Usually there is no network (flight mode, Wi-Fi off, a deep basement). Your changes are kept and sent when you are back online.</source>
        <translation>Ikke synkroniseret i mere end {minutes} minutter, så det du ser, kan være forældet. Som regel er der intet netværk (flytilstand, wi-fi slået fra, en dyb kælder). Dine ændringer gemmes og sendes, når du er online igen.</translation>
    </message>
    <message>
        <source>A yellow cloud with &quot;!&quot;</source>
        <translation>En gul sky med &quot;!&quot;</translation>
    </message>
    <message>
        <source>You declined background synchronisation, so the app syncs only while its window is open. Click it to allow it, or press Start on the sync status page.</source>
        <translation>Du har fravalgt synkronisering i baggrunden, så appen synkroniserer kun, mens vinduet er åbent. Klik på den for at tillade det, eller tryk Start på siden med synkroniseringsstatus.</translation>
    </message>
    <message>
        <source>How the sync indicators work</source>
        <translation>Sådan virker synkroniseringsindikatorerne</translation>
    </message>
    <message>
        <source>The cloud in the status bar (and in the tray) shows how synchronisation is going. Several can show at once; click one to see more.</source>
        <translation>Skyen i statuslinjen (og i systembakken) viser, hvordan synkroniseringen går. Flere kan vises på én gang; klik på en for at se mere.</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>Calls to the server are under way</source>
        <translation>Kald til serveren er i gang</translation>
    </message>
    <message>
        <source>The server refused some changes: open to see why</source>
        <translation>Serveren afviste nogle ændringer: åbn for at se hvorfor</translation>
    </message>
    <message>
        <source>Not synchronised for more than 20 minutes</source>
        <translation>Ikke synkroniseret i mere end 20 minutter</translation>
    </message>
    <message>
        <source>Background synchronisation was declined</source>
        <translation>Synkronisering i baggrunden blev fravalgt</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Opdateret</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synkronisering</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>Fun&amp;ktioner</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
</context>
<context>
    <name>PasswordBanner</name>
    <message>
        <source>Enter the new password…</source>
        <translation>Indtast den nye adgangskode…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Checking the password with the server…</source>
        <translation>Tjekker adgangskoden med serveren…</translation>
    </message>
    <message>
        <source>{app}: new password</source>
        <translation>{app}: ny adgangskode</translation>
    </message>
    <message>
        <source>The server no longer accepts your password for {user} on contract {contract}. Enter the new password the office gave you; your changes are sent as soon as it is accepted.</source>
        <translation>Serveren godtager ikke længere din adgangskode for {user} på kontrakt {contract}. Indtast den nye adgangskode, som kontoret har givet dig; dine ændringer sendes, så snart den er godtaget.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>As the system</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>Everything (for support)</source>
        <translation>Alt (til support)</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Advarsler og fejl</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Kun fejl</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>{app}: settings</source>
        <translation>{app}: indstillinger</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>&amp;Photos wait while the connection is metered (mobile data)</source>
        <translation>&amp;Billeder venter, mens forbindelsen er takseret (mobildata)</translation>
    </message>
    <message>
        <source>Keep synchronising in the &amp;background (stay in the tray, start with Windows)</source>
        <translation>Bliv ved med at synkronisere i bag&amp;grunden (bliv i systembakken, start med Windows)</translation>
    </message>
    <message>
        <source>Tell me when the office changes my &amp;tasks</source>
        <translation>Giv besked, når kontoret ændrer mine &amp;opgaver</translation>
    </message>
    <message>
        <source>The window shows the new language at the next start.</source>
        <translation>Vinduet viser det nye sprog ved næste start.</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Åbn &amp;mappe</translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation>&amp;Synkroniser hvert:</translation>
    </message>
    <message>
        <source>&amp;Log:</source>
        <translation>&amp;Log:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>Sp&amp;rog:</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Datamappe:</translation>
    </message>
</context>
<context>
    <name>SetupProgress</name>
    <message>
        <source>Setting up this computer: {count} objects received</source>
        <translation>Sætter denne computer op: {count} objekter modtaget</translation>
    </message>
    <message>
        <source>Your tasks are in; open them while the rest arrives.</source>
        <translation>Dine opgaver er hentet; åbn dem, mens resten kommer.</translation>
    </message>
    <message>
        <source>The lists fill as the data arrives.</source>
        <translation>Listerne fyldes, efterhånden som data kommer.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>{app}: set up</source>
        <translation>{app}: opsætning</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to {app}&lt;/h2&gt;&lt;p&gt;Connect this computer to your Microbizz contract.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Velkommen til {app}&lt;/h2&gt;&lt;p&gt;Forbind denne computer med din Microbizz-kontrakt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I have a configuration code</source>
        <translation>Jeg har en konfigurationskode</translation>
    </message>
    <message>
        <source>The code (XXXX-XXX) your office made for you with “Mobile auto-configuration”.</source>
        <translation>Koden (XXXX-XXX), som dit kontor har lavet til dig med “Mobil autokonfiguration”.</translation>
    </message>
    <message>
        <source>Enter the details by hand</source>
        <translation>Indtast oplysningerne selv</translation>
    </message>
    <message>
        <source>The server address, contract, user name, password and API key from your office.</source>
        <translation>Serveradresse, kontrakt, brugernavn, adgangskode og API-nøgle fra dit kontor.</translation>
    </message>
    <message>
        <source>Try it with demo data</source>
        <translation>Prøv med demodata</translation>
    </message>
    <message>
        <source>A demo contract on this computer; nothing is sent anywhere, nothing is kept.</source>
        <translation>En demokontrakt på denne computer; intet sendes nogen steder hen, intet gemmes.</translation>
    </message>
    <message>
        <source>Not set up on this computer: your IT department can point {variable} at the configuration service. Use the details by hand meanwhile.</source>
        <translation>Ikke sat op på denne computer: din IT-afdeling kan pege {variable} på konfigurationstjenesten. Indtast oplysningerne selv i mellemtiden.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Configuration code&lt;/h3&gt;&lt;p&gt;Type the code your office gave you.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Konfigurationskode&lt;/h3&gt;&lt;p&gt;Skriv koden, som dit kontor har givet dig.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your Microbizz account&lt;/h3&gt;&lt;p&gt;Your office has these details. The password and the API key are kept in this computer&apos;s keyring, nowhere else.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Din Microbizz-konto&lt;/h3&gt;&lt;p&gt;Dit kontor har disse oplysninger. Adgangskoden og API-nøglen gemmes i denne computers nøglering og ingen andre steder.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>e.g. 1234</source>
        <translation>f.eks. 1234</translation>
    </message>
    <message>
        <source>server address</source>
        <translation>serveradresse</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>kontrakt</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>brugernavn</translation>
    </message>
    <message>
        <source>password</source>
        <translation>adgangskode</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-nøgle</translation>
    </message>
    <message>
        <source>Cancelled; nothing was kept.</source>
        <translation>Annulleret; intet blev gemt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Fill in: {fields}.</source>
        <translation>Udfyld: {fields}.</translation>
    </message>
    <message>
        <source>Type the configuration code, like ABCD-123.</source>
        <translation>Skriv konfigurationskoden, f.eks. ABCD-123.</translation>
    </message>
    <message>
        <source>The code is for {user} on contract {contract}: enter your password.</source>
        <translation>Koden er til {user} på kontrakt {contract}: indtast din adgangskode.</translation>
    </message>
</context>
<context>
    <name>SyncPages</name>
    <message>
        <source>Step</source>
        <translation>Trin</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Sidst kørt</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Last pass</source>
        <translation>Sidste gennemløb</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>{count} objects</source>
        <translation>{count} objekter</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Not run yet: not due, or not used with this account</source>
        <translation>Ikke kørt endnu: ikke tid endnu, eller ikke brugt med denne konto</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Fuldført</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Mislykkedes: {reason}</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Failed calls</source>
        <translation>&amp;Mislykkede kald</translation>
    </message>
    <message>
        <source>&amp;Calls in flight</source>
        <translation>&amp;Kald i gang</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>&amp;How the sync indicators work</source>
        <translation>&amp;Sådan virker synkroniseringsindikatorerne</translation>
    </message>
    <message>
        <source>&amp;About {app}…</source>
        <translation>&amp;Om {app}…</translation>
    </message>
</context>
</TS>
