<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
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
</TS>
