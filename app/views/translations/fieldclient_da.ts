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
    <name>ActionRefused</name>
    <message>
        <source>{kind}: {id} is not on this device.</source>
        <translation>{kind}: {id} er ikke på denne enhed.</translation>
    </message>
    <message>
        <source>One cannot check in at {kind}.</source>
        <translation>Man kan ikke tjekke ind på {kind}.</translation>
    </message>
    <message>
        <source>You are already checked in; check out first.</source>
        <translation>Du er allerede tjekket ind; tjek ud først.</translation>
    </message>
    <message>
        <source>Checkpoints are ticked while checked in.</source>
        <translation>Tjeklisten afkrydses, mens du er tjekket ind.</translation>
    </message>
    <message>
        <source>You are not checked in.</source>
        <translation>Du er ikke tjekket ind.</translation>
    </message>
    <message>
        <source>The check-in this would end is unknown; sync first.</source>
        <translation>Det check-in, dette ville afslutte, er ukendt; synkroniser først.</translation>
    </message>
    <message>
        <source>Notes cannot be posted on {kind}.</source>
        <translation>Der kan ikke skrives noter på {kind}.</translation>
    </message>
    <message>
        <source>Photos cannot be attached to {kind}.</source>
        <translation>Der kan ikke tilføjes billeder til {kind}.</translation>
    </message>
</context>
<context>
    <name>AddressBox</name>
    <message>
        <source>no address on this object</source>
        <translation>ingen adresse på dette objekt</translation>
    </message>
    <message>
        <source>your last check-in</source>
        <translation>din seneste indtjekning</translation>
    </message>
    <message>
        <source>{distance} from {place}</source>
        <translation>{distance} fra {place}</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Customer / note</source>
        <translation>Kunde / note</translation>
    </message>
    <message>
        <source>Planned task</source>
        <translation>Planlagt opgave</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Aftale</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registreret</translation>
    </message>
    <message>
        <source>Task {id} (not on this device)</source>
        <translation>Opgave {id} (ikke på denne enhed)</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>Hele dagen</translation>
    </message>
    <message>
        <source>{start}, {hours} h</source>
        <translation>{start}, {hours} t</translation>
    </message>
</context>
<context>
    <name>BoxPage</name>
    <message>
        <source>unknown box type</source>
        <translation>ukendt boks-type</translation>
    </message>
</context>
<context>
    <name>BoxPlugin</name>
    <message>
        <source>not available for {kinds}</source>
        <translation>ikke tilgængelig for {kinds}</translation>
    </message>
    <message>
        <source>this object is no longer here</source>
        <translation>objektet er her ikke længere</translation>
    </message>
    <message>
        <source>this box failed (the log says why)</source>
        <translation>boksen fejlede (loggen siger hvorfor)</translation>
    </message>
</context>
<context>
    <name>BoxTitle</name>
    <message>
        <source>Checklist</source>
        <translation>Tjekliste</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedurer</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Påmindelser</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>no checkpoints on this task</source>
        <translation>ingen tjekpunkter på denne opgave</translation>
    </message>
    <message>
        <source>Check in to tick the checklist</source>
        <translation>Tjek ind for at afkrydse tjeklisten</translation>
    </message>
    <message>
        <source>Ticks waiting to be sent with the check-out</source>
        <translation>Afkrydsningerne venter på at blive sendt med udtjekningen</translation>
    </message>
</context>
<context>
    <name>ColumnGroupBox</name>
    <message>
        <source>column group {} does not exist</source>
        <translation>kolonnegruppe {} findes ikke</translation>
    </message>
    <message>
        <source>no values in this column group</source>
        <translation>ingen værdier i denne kolonnegruppe</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
</context>
<context>
    <name>CompaniesBox</name>
    <message>
        <source>this person is related to no company</source>
        <translation>personen er ikke knyttet til noget firma</translation>
    </message>
</context>
<context>
    <name>ContactRow</name>
    <message>
        <source>Call</source>
        <translation>Ring op</translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation>Ring til {number}</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Write to {address}</source>
        <translation>Skriv til {address}</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Forrige</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Næste ▶</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>Week of {first} - {last}</source>
        <translation>Ugen {first} - {last}</translation>
    </message>
    <message>
        <source>Nothing planned or registered.</source>
        <translation>Intet planlagt eller registreret.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Offline: showing what this device has</source>
        <translation>Offline: viser hvad denne enhed har</translation>
    </message>
    <message>
        <source>Could not read the calendar: {why}</source>
        <translation>Kunne ikke hente kalenderen: {why}</translation>
    </message>
</context>
<context>
    <name>DescriptionBox</name>
    <message>
        <source>no description on this task</source>
        <translation>ingen beskrivelse på denne opgave</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>&amp;Leave the demo…</source>
        <translation>&amp;Forlad demoen…</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>&amp;Log ud…</translation>
    </message>
    <message>
        <source>Leave the demo? Its data is thrown away.</source>
        <translation>Forlad demoen? Dens data slettes.</translation>
    </message>
    <message>
        <source>Leave the demo</source>
        <translation>Forlad demoen</translation>
    </message>
    <message>
        <source>Sign out of {user} on contract {contract}? The local data on this computer is removed; you can then sign in again, to this contract or another.</source>
        <translation>Log {user} ud af kontrakt {contract}? De lokale data på denne computer slettes; du kan derefter logge ind igen, på denne kontrakt eller en anden.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Log ud</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Open {app}</source>
        <translation>Åbn {app}</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>{damage} Recover it? Your unsent changes are kept, the rest is downloaded again, and the damaged file is kept aside.</source>
        <translation>{damage} Vil du gendanne dem? Dine ikke-sendte ændringer bevares, resten hentes igen, og den beskadigede fil gemmes til side.</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Gendan</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
</context>
<context>
    <name>FlaggedBox</name>
    <message>
        <source>{title} ({type}): not shown</source>
        <translation>{title} ({type}): vises ikke</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Hvorfor: {reason}</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>today {time}</source>
        <translation>i dag {time}</translation>
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
    <name>KindTab</name>
    <message>
        <source>Find another object…</source>
        <translation>Find et andet objekt…</translation>
    </message>
    <message>
        <source>Preview on:</source>
        <translation>Vis siden for:</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Intet fundet</translation>
    </message>
    <message>
        <source>{box} shown: {object}</source>
        <translation>{box} vises: {object}</translation>
    </message>
    <message>
        <source>{box} hidden: {object}</source>
        <translation>{box} skjules: {object}</translation>
    </message>
    <message>
        <source>No objects of this kind on this device</source>
        <translation>Ingen objekter af denne slags på denne enhed</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>tasks</source>
        <translation>opgaver</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>kunder</translation>
    </message>
    <message>
        <source>persons</source>
        <translation>personer</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>udstyr</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Opgaver</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Udstyr</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Varer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedurer</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relationer</translation>
    </message>
</context>
<context>
    <name>LayoutCheck</name>
    <message>
        <source>unknown box type {type}: the app does not show it</source>
        <translation>ukendt bokstype {type}: appen viser den ikke</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>filen kan ikke læses</translation>
    </message>
    <message>
        <source>this is not valid JSON</source>
        <translation>dette er ikke gyldig JSON</translation>
    </message>
    <message>
        <source>the file must hold one JSON object with &quot;mainpages&quot; (what GetMainPages returns) and &quot;columngroups&quot; (what GetColumnGroups returns)</source>
        <translation>filen skal indeholde ét JSON-objekt med &quot;mainpages&quot; (det GetMainPages returnerer) og &quot;columngroups&quot; (det GetColumnGroups returnerer)</translation>
    </message>
    <message>
        <source>there is no &quot;mainpages&quot; list (what GetMainPages returns)</source>
        <translation>der er ingen &quot;mainpages&quot;-liste (det GetMainPages returnerer)</translation>
    </message>
    <message>
        <source>page {page} of the file is not a JSON object: it is left out</source>
        <translation>side {page} i filen er ikke et JSON-objekt: den udelades</translation>
    </message>
    <message>
        <source>page {page} of the file is for &quot;{value}&quot;, not todo, customer, person or tool: it is left out</source>
        <translation>side {page} i filen er til &quot;{value}&quot;, ikke todo, customer, person eller tool: den udelades</translation>
    </message>
    <message>
        <source>page {page} of the file has no &quot;boxes&quot; list: it is left out</source>
        <translation>side {page} i filen har ingen &quot;boxes&quot;-liste: den udelades</translation>
    </message>
    <message>
        <source>box {box} of page {page} of the file is not a JSON object: it is left out</source>
        <translation>boks {box} på side {page} i filen er ikke et JSON-objekt: den udelades</translation>
    </message>
    <message>
        <source>box {box} of page {page} of the file has no type (&quot;box&quot;): it is left out</source>
        <translation>boks {box} på side {page} i filen har ingen type (&quot;box&quot;): den udelades</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>linje {line}, kolonne {column}</translation>
    </message>
    <message>
        <source>{kind} page</source>
        <translation>{kind}-siden</translation>
    </message>
    <message>
        <source>{kind} page, box {position} ({type}, id {id})</source>
        <translation>{kind}-siden, boks {position} ({type}, id {id})</translation>
    </message>
    <message>
        <source>no main page: the pages of {kinds} show no boxes</source>
        <translation>ingen hovedside: siderne for {kinds} viser ingen bokse</translation>
    </message>
    <message>
        <source>a {type} box is not available for {kinds}</source>
        <translation>en {type}-boks findes ikke for {kinds}</translation>
    </message>
    <message>
        <source>function {function} is off for this account: the box is never shown</source>
        <translation>funktionen {function} er slået fra for denne konto: boksen vises aldrig</translation>
    </message>
    <message>
        <source>column group {id} does not exist</source>
        <translation>kolonnegruppe {id} findes ikke</translation>
    </message>
    <message>
        <source>column group {id} is meant for {type} pages</source>
        <translation>kolonnegruppe {id} er beregnet til {type}-sider</translation>
    </message>
    <message>
        <source>column group {id} has no columns</source>
        <translation>kolonnegruppe {id} har ingen kolonner</translation>
    </message>
    <message>
        <source>no {kinds} have the field {field} (column &quot;{title}&quot;)</source>
        <translation>ingen {kinds} har feltet {field} (kolonnen &quot;{title}&quot;)</translation>
    </message>
</context>
<context>
    <name>LayoutPreview</name>
    <message>
        <source>Preview main pages</source>
        <translation>Forhåndsvisning af hovedsider</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Åbn fil…</translation>
    </message>
    <message>
        <source>This account&apos;s layout</source>
        <translation>Denne kontos layout</translation>
    </message>
    <message>
        <source>Layout: this account&apos;s main pages</source>
        <translation>Layout: denne kontos hovedsider</translation>
    </message>
    <message>
        <source>Layout: {path}</source>
        <translation>Layout: {path}</translation>
    </message>
    <message>
        <source>Open a layout file</source>
        <translation>Åbn en layoutfil</translation>
    </message>
    <message>
        <source>Layout files (*.json)</source>
        <translation>Layoutfiler (*.json)</translation>
    </message>
    <message>
        <source>The file is not a layout ({where}): {message}. The pages below are the last that read.</source>
        <translation>Filen er ikke et layout ({where}): {message}. Siderne herunder er de sidste, der kunne læses.</translation>
    </message>
    <message>
        <source>{errors} error(s), {warnings} warning(s) in this layout</source>
        <translation>{errors} fejl og {warnings} advarsel(er) i dette layout</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>This is a preview: buttons do nothing here.</source>
        <translation>Dette er en forhåndsvisning: knapperne gør intet her.</translation>
    </message>
</context>
<context>
    <name>ListFilters</name>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>My tasks</source>
        <translation>Mine opgaver</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Denne uge</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Planned to me</source>
        <translation>Planlagt til mig</translation>
    </message>
    <message>
        <source>Pool tasks of my teams</source>
        <translation>Puljeopgaver for mine teams</translation>
    </message>
    <message>
        <source>In state</source>
        <translation>I status</translation>
    </message>
    <message>
        <source>Near me</source>
        <translation>Nær mig</translation>
    </message>
    <message>
        <source>Carried by me</source>
        <translation>Jeg har med</translation>
    </message>
    <message>
        <source>Due today, or planned to you today</source>
        <translation>Frist i dag, eller planlagt til dig i dag</translation>
    </message>
    <message>
        <source>Due this week, or planned to you this week</source>
        <translation>Frist denne uge, eller planlagt til dig denne uge</translation>
    </message>
    <message>
        <source>Open tasks past their deadline</source>
        <translation>Åbne opgaver over deres frist</translation>
    </message>
    <message>
        <source>Planned to you in the calendar on this device</source>
        <translation>Planlagt til dig i kalenderen på denne enhed</translation>
    </message>
    <message>
        <source>Within {km} km of the task or customer you are checked in on, else of your next planned task</source>
        <translation>Inden for {km} km af den opgave eller kunde, du er tjekket ind på, ellers af din næste planlagte opgave</translation>
    </message>
</context>
<context>
    <name>MainPageView</name>
    <message>
        <source>Task {name}</source>
        <translation>Opgave {name}</translation>
    </message>
    <message>
        <source>Customer {name}</source>
        <translation>Kunde {name}</translation>
    </message>
    <message>
        <source>Person {name}</source>
        <translation>Person {name}</translation>
    </message>
    <message>
        <source>Equipment {name}</source>
        <translation>Udstyr {name}</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>Kunde: {name}</translation>
    </message>
    <message>
        <source>Part of: {name}</source>
        <translation>Del af: {name}</translation>
    </message>
    <message>
        <source>Company: {name}</source>
        <translation>Firma: {name}</translation>
    </message>
    <message>
        <source>At customer: {name}</source>
        <translation>Hos kunde: {name}</translation>
    </message>
    <message>
        <source>Task: {name}</source>
        <translation>Opgave: {name}</translation>
    </message>
    <message>
        <source>This task is no longer on this device.</source>
        <translation>Denne opgave er ikke længere på denne enhed.</translation>
    </message>
    <message>
        <source>This customer is no longer on this device.</source>
        <translation>Denne kunde er ikke længere på denne enhed.</translation>
    </message>
    <message>
        <source>This person is no longer on this device.</source>
        <translation>Denne person er ikke længere på denne enhed.</translation>
    </message>
    <message>
        <source>This equipment is no longer on this device.</source>
        <translation>Dette udstyr er ikke længere på denne enhed.</translation>
    </message>
    <message>
        <source>Nothing more is recorded for this task.</source>
        <translation>Der er ikke registreret mere for denne opgave.</translation>
    </message>
    <message>
        <source>Nothing more is recorded for this customer.</source>
        <translation>Der er ikke registreret mere for denne kunde.</translation>
    </message>
    <message>
        <source>Nothing more is recorded for this person.</source>
        <translation>Der er ikke registreret mere for denne person.</translation>
    </message>
    <message>
        <source>Nothing more is recorded for this equipment.</source>
        <translation>Der er ikke registreret mere for dette udstyr.</translation>
    </message>
    <message>
        <source>The server defines no main page for {kinds}.</source>
        <translation>Serveren har ingen hovedside for {kinds}.</translation>
    </message>
    <message>
        <source>{link} (not on this device)</source>
        <translation>{link} (ikke på denne enhed)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>My day</source>
        <translation>Min dag</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nu</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Opening the local data…</source>
        <translation>Åbner de lokale data…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>You are offline. Changes are kept and sent when you are back online. Not sent yet: {unsent} · last synchronised: {last}</source>
        <translation>Du er offline. Ændringer gemmes og sendes, når du er online igen. Ikke sendt endnu: {unsent} · sidst synkroniseret: {last}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>Tilbage (Alt+Venstre)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Frem</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>Frem (Alt+Højre)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Lister</translation>
    </message>
    <message>
        <source>Back to the lists</source>
        <translation>Tilbage til listerne</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>&amp;Log ud…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>{activity}… {count} objects received</source>
        <translation>{activity}… {count} objekter modtaget</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Opdateret</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ikke synkroniseret endnu</translation>
    </message>
    <message>
        <source>Last synced: {when}</source>
        <translation>Sidst synkroniseret: {when}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Aldrig synkroniseret</translation>
    </message>
    <message>
        <source>{step}: {objects} objects, {pages} pages</source>
        <translation>{step}: {objects} objekter, {pages} sider</translation>
    </message>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind} ({count})</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>mindre end et minut tilbage</translation>
    </message>
    <message>
        <source>about {minutes} min left</source>
        <translation>ca. {minutes} min. tilbage</translation>
    </message>
    <message>
        <source>&amp;Preview main pages…</source>
        <translation>&amp;Forhåndsvis hovedsider…</translation>
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
    <name>NotesSection</name>
    <message>
        <source>You</source>
        <translation>Dig</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>ObjectActions</name>
    <message>
        <source>Check in</source>
        <translation>Tjek ind</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Tjek ud</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Tilføj foto</translation>
    </message>
    <message>
        <source>Write note</source>
        <translation>Skriv note</translation>
    </message>
    <message>
        <source>Send note</source>
        <translation>Send note</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>indtjekning</translation>
    </message>
    <message>
        <source>check-out</source>
        <translation>udtjekning</translation>
    </message>
    <message>
        <source>state change</source>
        <translation>statusændring</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>pick-up</source>
        <translation>udstyr taget</translation>
    </message>
    <message>
        <source>set-down</source>
        <translation>udstyr sat fra</translation>
    </message>
    <message>
        <source>reminder</source>
        <translation>påmindelse</translation>
    </message>
    <message>
        <source>task</source>
        <translation>opgave</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>kunde</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>udstyr</translation>
    </message>
    <message>
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Skriv en note…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>You are checked in at {where}; check out there first.</source>
        <translation>Du er tjekket ind på {where}; tjek ud der først.</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{what} waiting to be sent</source>
        <translation>{what} venter på at blive sendt</translation>
    </message>
    <message>
        <source>Waiting to be sent: {what}</source>
        <translation>Venter på at blive sendt: {what}</translation>
    </message>
    <message>
        <source>Not sent: {what} (see the failed calls)</source>
        <translation>Ikke sendt: {what} (se de mislykkede kald)</translation>
    </message>
    <message>
        <source>Changes not sent yet: {count}</source>
        <translation>Ændringer, der ikke er sendt endnu: {count}</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Billeder ({patterns})</translation>
    </message>
    <message>
        <source>{name} is not a picture this app can read.</source>
        <translation>{name} er ikke et billede, som denne app kan læse.</translation>
    </message>
</context>
<context>
    <name>ObjectList</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Zip</source>
        <translation>Postnr.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stilling</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Serienr.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Carried by {name}</source>
        <translation>Medbragt af {name}</translation>
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
    <name>PersonsBox</name>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>no persons for this company</source>
        <translation>ingen personer for dette firma</translation>
    </message>
</context>
<context>
    <name>PlaceButton</name>
    <message>
        <source>Directions in your browser</source>
        <translation>Rutevejledning i din browser</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>This layout has no main page for this kind.</source>
        <translation>Dette layout har ingen hovedside for denne slags.</translation>
    </message>
</context>
<context>
    <name>ProceduresBox</name>
    <message>
        <source>function CustomersProcedures is off</source>
        <translation>funktionen CustomersProcedures er slået fra</translation>
    </message>
    <message>
        <source>the task has no company</source>
        <translation>opgaven har intet firma</translation>
    </message>
    <message>
        <source>no procedures for the task&apos;s company</source>
        <translation>ingen procedurer for opgavens firma</translation>
    </message>
    <message>
        <source>no procedures for this company</source>
        <translation>ingen procedurer for dette firma</translation>
    </message>
</context>
<context>
    <name>ProceduresWidget</name>
    <message>
        <source>(no text)</source>
        <translation>(ingen tekst)</translation>
    </message>
</context>
<context>
    <name>RemindersBox</name>
    <message>
        <source>no reminders due within {days} days</source>
        <translation>ingen påmindelser inden for {days} dage</translation>
    </message>
    <message>
        <source>no calls, no reminders due within {days} days</source>
        <translation>ingen opkald, ingen påmindelser inden for {days} dage</translation>
    </message>
    <message>
        <source>user {id}</source>
        <translation>bruger {id}</translation>
    </message>
    <message>
        <source>you</source>
        <translation>dig</translation>
    </message>
    <message>
        <source>Postponed, waiting to be sent</source>
        <translation>Udsat, venter på at blive sendt</translation>
    </message>
    <message>
        <source>Done, waiting to be sent</source>
        <translation>Udført, venter på at blive sendt</translation>
    </message>
</context>
<context>
    <name>RemindersWidget</name>
    <message>
        <source>15 minutes</source>
        <translation>15 minutter</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 time</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 uge</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Opkald</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Mark the reminder as done</source>
        <translation>Markér påmindelsen som udført</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>Udsæt</translation>
    </message>
    <message>
        <source>{when}, overdue</source>
        <translation>{when}, overskredet</translation>
    </message>
    <message>
        <source>set up by {name}</source>
        <translation>oprettet af {name}</translation>
    </message>
    <message>
        <source>Call {person}</source>
        <translation>Ring til {person}</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>ingen dato</translation>
    </message>
</context>
<context>
    <name>Search</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundenummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Zip</source>
        <translation>Postnr.</translation>
    </message>
    <message>
        <source>City</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Hjemmeside</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>CVR</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Søgetekst</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Serienr.</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Stregkode</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Find a task, customer, person or equipment (Ctrl+F)</source>
        <translation>Find en opgave, kunde, person eller udstyr (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Find…</translation>
    </message>
    <message>
        <source>Find a task, customer, person or equipment</source>
        <translation>Find en opgave, kunde, person eller udstyr</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”</source>
        <translation>Intet fundet for “{text}”</translation>
    </message>
    <message>
        <source>{field}: {text}</source>
        <translation>{field}: {text}</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Equipment</source>
        <translation>Udstyr</translation>
    </message>
    <message>
        <source>Product use</source>
        <translation>Produktforbrug</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Equipment ({count})</source>
        <translation>Udstyr ({count})</translation>
    </message>
    <message>
        <source>Product use ({count})</source>
        <translation>Produktforbrug ({count})</translation>
    </message>
    <message>
        <source>Notes ({count})</source>
        <translation>Noter ({count})</translation>
    </message>
    <message>
        <source>Not available offline; showing {shown}</source>
        <translation>Ikke tilgængelig offline; viser {shown}</translation>
    </message>
    <message>
        <source>Could not read it ({why}); showing {shown}</source>
        <translation>Kunne ikke hente det ({why}); viser {shown}</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Venter på at blive sendt</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhed</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Opdater</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>what was read at {when}</source>
        <translation>det, der blev hentet {when}</translation>
    </message>
    <message>
        <source>what this device has</source>
        <translation>det, denne enhed har</translation>
    </message>
    <message>
        <source>as of {when}</source>
        <translation>pr. {when}</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
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
    <name>SubcustomersBox</name>
    <message>
        <source>no subcustomers of this company</source>
        <translation>ingen underkunder til dette firma</translation>
    </message>
</context>
<context>
    <name>SyncActivity</name>
    <message>
        <source>Reading settings</source>
        <translation>Henter indstillinger</translation>
    </message>
    <message>
        <source>Synchronising</source>
        <translation>Synkroniserer</translation>
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
        <source>May Field Client keep synchronising in the background?

It then stays in the tray when you close the window and starts with Windows, so your tasks are up to date when you need them and your changes are sent as soon as there is a network.</source>
        <translation>Må Field Client blive ved med at synkronisere i baggrunden?

Den bliver så i meddelelsesområdet, når du lukker vinduet, og starter med Windows, så dine opgaver er opdaterede, når du skal bruge dem, og dine ændringer sendes, så snart der er netværk.</translation>
    </message>
    <message>
        <source>The app has not synchronised for more than 20 minutes (last: {last}), so what you see may be out of date.

This is usually a missing network connection. Your changes are kept and sent when you are back online.</source>
        <translation>Appen har ikke synkroniseret i mere end 20 minutter (sidst: {last}), så det, du ser, kan være forældet.

Det skyldes som regel manglende netværksforbindelse. Dine ændringer gemmes og sendes, når du er online igen.</translation>
    </message>
    <message>
        <source>{app}: synchronisation</source>
        <translation>{app}: synkronisering</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Calls in flight</source>
        <translation>Kald undervejs</translation>
    </message>
    <message>
        <source>Failed calls</source>
        <translation>Fejlede kald</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkroniser nu</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Allow synchronising in the background</source>
        <translation>Tillad synkronisering i baggrunden</translation>
    </message>
    <message>
        <source>Send photos anyway</source>
        <translation>Send billeder alligevel</translation>
    </message>
    <message>
        <source>Photos wait while the connection is metered or slow; send them now</source>
        <translation>Billeder venter, mens forbindelsen er takseret eller langsom; send dem nu</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kassér</translation>
    </message>
    <message>
        <source>Drop this change and undo it on this device</source>
        <translation>Drop denne ændring og fortryd den på denne enhed</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Prøv alle igen</translation>
    </message>
    <message>
        <source>Discard all</source>
        <translation>Kassér alle</translation>
    </message>
    <message>
        <source>What happened: {advice}</source>
        <translation>Hvad skete der: {advice}</translation>
    </message>
    <message>
        <source>Server&apos;s message: {message}</source>
        <translation>Serverens besked: {message}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>intet</translation>
    </message>
    <message>
        <source>State: {state} · tried {attempts} time(s) · made {made}</source>
        <translation>Tilstand: {state} · forsøgt {attempts} gang(e) · lavet {made}</translation>
    </message>
    <message>
        <source>Call: {call}</source>
        <translation>Kald: {call}</translation>
    </message>
    <message>
        <source>Waiting behind it:</source>
        <translation>Venter bag det:</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Last successful sync: {last}{offline} · {unsent} change(s) not sent yet</source>
        <translation>Sidste vellykkede synkronisering: {last}{offline} · {unsent} ændring(er) ikke sendt endnu</translation>
    </message>
    <message>
        <source>No failed calls.</source>
        <translation>Ingen fejlede kald.</translation>
    </message>
    <message>
        <source>No calls under way</source>
        <translation>Ingen kald undervejs</translation>
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
    <message>
        <source>{summary} — not sure it reached Microbizz</source>
        <translation>{summary} — usikkert, om det nåede Microbizz</translation>
    </message>
</context>
<context>
    <name>SyncSteps</name>
    <message>
        <source>Tasks</source>
        <translation>Opgaver</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Udstyr</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Varer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Procedurer</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relationer</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Registreringer</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>{label} changed since the last sync</source>
        <translation>{label} ændret siden sidste synkronisering</translation>
    </message>
    <message>
        <source>{label} placed at customers (limited number of objects)</source>
        <translation>{label} placeret hos kunder (begrænset antal objekter)</translation>
    </message>
    <message>
        <source>Registrations of the last 60 days (first sync)</source>
        <translation>Registreringer for de sidste 60 dage (første synkronisering)</translation>
    </message>
    <message>
        <source>Calendar, a month either side of today (first sync)</source>
        <translation>Kalender, en måned før og efter i dag (første synkronisering)</translation>
    </message>
    <message>
        <source>Calendar, the day 30 days ahead (daily)</source>
        <translation>Kalender, dagen om 30 dage (dagligt)</translation>
    </message>
    <message>
        <source>Settings, custom fields and check-in (every sync)</source>
        <translation>Indstillinger, brugerdefinerede felter og check-in (hver synkronisering)</translation>
    </message>
    <message>
        <source>Setup data: states, users, templates … (hourly)</source>
        <translation>Opsætningsdata: statusser, brugere, skabeloner … (hver time)</translation>
    </message>
    <message>
        <source>Equipment of the customers listed (limited number of objects)</source>
        <translation>Udstyr hos de nævnte kunder (begrænset antal objekter)</translation>
    </message>
</context>
<context>
    <name>TaskNotice</name>
    <message>
        <source>Your tasks changed</source>
        <translation>Dine opgaver er ændret</translation>
    </message>
    <message>
        <source>{count} of your tasks were changed in the office.</source>
        <translation>{count} af dine opgaver blev ændret på kontoret.</translation>
    </message>
    <message>
        <source>New task for you</source>
        <translation>Ny opgave til dig</translation>
    </message>
    <message>
        <source>Task state changed</source>
        <translation>Opgavens status er ændret</translation>
    </message>
    <message>
        <source>{task}: now {state}</source>
        <translation>{task}: nu {state}</translation>
    </message>
    <message>
        <source>Task changed</source>
        <translation>Opgave ændret</translation>
    </message>
</context>
<context>
    <name>ToolServiceBox</name>
    <message>
        <source>no service interval or service dates</source>
        <translation>intet serviceinterval og ingen servicedatoer</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>hver dag</translation>
    </message>
    <message>
        <source>every {count} days</source>
        <translation>hver {count}. dag</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>hver uge</translation>
    </message>
    <message>
        <source>every {count} weeks</source>
        <translation>hver {count}. uge</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>hver måned</translation>
    </message>
    <message>
        <source>every {count} months</source>
        <translation>hver {count}. måned</translation>
    </message>
    <message>
        <source>every year</source>
        <translation>hvert år</translation>
    </message>
    <message>
        <source>every {count} years</source>
        <translation>hvert {count}. år</translation>
    </message>
    <message>
        <source>overdue by 1 day</source>
        <translation>overskredet med 1 dag</translation>
    </message>
    <message>
        <source>overdue by {days} days</source>
        <translation>overskredet med {days} dage</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>forfalder i dag</translation>
    </message>
    <message>
        <source>due in 1 day</source>
        <translation>forfalder om 1 dag</translation>
    </message>
    <message>
        <source>due in {days} days</source>
        <translation>forfalder om {days} dage</translation>
    </message>
</context>
<context>
    <name>ToolServiceWidget</name>
    <message>
        <source>not recorded</source>
        <translation>ikke registreret</translation>
    </message>
    <message>
        <source>Service started: waiting to be sent</source>
        <translation>Service startet: venter på at blive sendt</translation>
    </message>
    <message>
        <source>Start service</source>
        <translation>Start service</translation>
    </message>
    <message>
        <source>Equipment type:</source>
        <translation>Udstyrstype:</translation>
    </message>
    <message>
        <source>Service interval:</source>
        <translation>Serviceinterval:</translation>
    </message>
    <message>
        <source>Last service:</source>
        <translation>Seneste service:</translation>
    </message>
    <message>
        <source>Next service:</source>
        <translation>Næste service:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>intet</translation>
    </message>
</context>
<context>
    <name>ToolTakeBox</name>
    <message>
        <source>function ToolTake is off</source>
        <translation>funktionen ToolTake er slået fra</translation>
    </message>
    <message>
        <source>this equipment is not on this device</source>
        <translation>dette udstyr er ikke på denne enhed</translation>
    </message>
    <message>
        <source>Taking it is waiting to be sent</source>
        <translation>Udstyret taget: venter på at blive sendt</translation>
    </message>
    <message>
        <source>Setting it down is waiting to be sent</source>
        <translation>Udstyret sat fra: venter på at blive sendt</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>siden {time}</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>d. MMM</translation>
    </message>
    <message>
        <source>since {day} {time}</source>
        <translation>siden {day} {time}</translation>
    </message>
    <message>
        <source>Not taken</source>
        <translation>Ikke taget</translation>
    </message>
    <message>
        <source>You have it</source>
        <translation>Du har det</translation>
    </message>
    <message>
        <source>user {id}</source>
        <translation>bruger {id}</translation>
    </message>
    <message>
        <source>Taken by {name}</source>
        <translation>Taget af {name}</translation>
    </message>
    <message>
        <source>Sends the position of {place}</source>
        <translation>Sender positionen for {place}</translation>
    </message>
    <message>
        <source>No position known: sends 0,0</source>
        <translation>Ingen kendt position: sender 0,0</translation>
    </message>
    <message>
        <source>Set down</source>
        <translation>Sæt udstyret fra</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Tag udstyret</translation>
    </message>
</context>
<context>
    <name>UsersBox</name>
    <message>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Sælger</translation>
    </message>
    <message>
        <source>Additional user</source>
        <translation>Ekstra bruger</translation>
    </message>
    <message>
        <source>no users on this customer</source>
        <translation>ingen brugere på denne kunde</translation>
    </message>
    <message>
        <source>no users on this equipment</source>
        <translation>ingen brugere på dette udstyr</translation>
    </message>
    <message>
        <source>no users on this task</source>
        <translation>ingen brugere på denne opgave</translation>
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
