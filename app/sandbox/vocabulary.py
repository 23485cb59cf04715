"""Danish words a service company's back office is full of, for realistic demo objects."""

from __future__ import annotations

TASK_TITLES = (
    "Service af varmepumpe",
    "Fejlsøgning på ventilationsanlæg",
    "Årligt eftersyn af gasfyr",
    "Udskiftning af cirkulationspumpe",
    "Lækage under køkkenvask",
    "Montering af ny radiator",
    "Filterskift ventilation",
    "Eftersyn af brandslukkere",
    "Kølerum holder ikke temperaturen",
    "Tilsyn med fjernvarmeunit",
    "Rensning af kondensator",
    "Opstart af nyt anlæg",
    "Udskiftning af termostatventiler",
    "Fejl på varmtvandsbeholder",
    "Justering af varmeanlæg",
    "Serviceaftale - kvartalsbesøg",
    "Akut: ingen varme i ejendommen",
    "Tæthedsprøvning af kølesystem",
    "Reparation af ventilationsaggregat",
    "Installation af ladestander",
    "Udskiftning af el-tavle",
    "Fejlmelding fra CTS-anlæg",
    "Energitjek af bygning",
    "Indregulering af gulvvarme",
)

DESCRIPTION_SENTENCES = (
    "Kunden oplyser at anlægget larmer om natten.",
    "Husk at tage ekstra filtre med.",
    "Nøgle afhentes hos viceværten i stuen.",
    "Der er fejlkode E12 på displayet.",
    "Anlægget blev sidst serviceret for et år siden.",
    "Kontakt kunden en halv time før ankomst.",
    "Parkering i gården er tilladt.",
    "Tjek trykket på ekspansionsbeholderen.",
    "Kunden ønsker tilbud på udskiftning.",
    "Der må ikke bores i facaden.",
    "Adgang via bagindgangen ved varemodtagelsen.",
    "Reservedele er bestilt og forventes leveret i uge 12.",
    "Temperaturen i kølerummet er målt til 9 grader.",
    "Opgaven udføres i samarbejde med elektrikeren.",
    "Skriv timer og materialer på opgaven inden afslutning.",
    "Kunden har hund, ring på inden du går ind.",
)

TODO_ADDRESS_TYPES = ("Nøgleboks", "Leveringsadresse", "Parkering", "Materialeplads")

ACCESS_NOTES = (
    "",
    "",
    "Nøgle hos vicevært",
    "Ring på ved ankomst",
    "Kode til nøgleboks: 4821",
    "Adgang via kælderdør",
    "Kontakt driftschefen",
)

CUSTOMER_TRADES = (
    "VVS",
    "El-service",
    "Tømrer & Snedker",
    "Ejendomsservice",
    "Byg",
    "Transport",
    "Bageri",
    "Autoværksted",
    "Revision",
    "Tandklinik",
    "Boligadministration",
    "Supermarked",
)

CUSTOMER_INSTITUTIONS = (
    "Boligforeningen {}",
    "Andelsboligforeningen {}",
    "{} Skole",
    "Plejecenter {}",
    "Hotel {}",
    "Børnehaven {}",
    "Ejerforeningen {}",
)

INSTITUTION_NAMES = (
    "Solgården",
    "Engbo",
    "Vesterbo",
    "Skovbrynet",
    "Lindegården",
    "Havblik",
    "Toftegården",
    "Bakkehuset",
    "Åparken",
    "Møllehøj",
)

COMPANY_SUFFIXES = ("ApS", "A/S", "I/S", "")

CUSTOMER_NOTES = (
    "",
    "",
    "Serviceaftale med årligt eftersyn.",
    "Faktura sendes som EAN.",
    "Betaler altid for sent, ring til bogholderiet.",
    "Nøgler opbevares på kontoret.",
)

JOB_TITLES = (
    "Driftschef",
    "Vicevært",
    "Indkøber",
    "Ejendomsadministrator",
    "Teknisk chef",
    "Bogholder",
    "Direktør",
    "Facility manager",
    "Kontorchef",
    "Souschef",
)

TOOL_DESCRIPTIONS = (
    "",
    "Kræver årligt lovpligtigt eftersyn.",
    "Opbevares i teknikrummet.",
    "Garanti til og med næste service.",
    "Se manual i mappen på anlægget.",
)

EMAIL_DOMAINS = ("gmail.com", "hotmail.com", "outlook.dk", "mail.dk", "live.dk")

# Notes in the threads on tasks, companies and equipment (message objects).
THREAD_MESSAGES = (
    "Har været ude og kigge på det, der mangler en reservedel.",
    "Reservedelen er bestilt hjem, forventet levering torsdag.",
    "Kunden er ikke hjemme, har lagt en seddel i postkassen.",
    "Anlægget kører igen, men hold øje med trykket.",
    "Kan du tage den i morgen formiddag? Jeg er i Odense.",
    "Ja, det klarer jeg.",
    "Husk at kunden gerne vil have tilbud på en ny pumpe.",
    "Der er sendt billeder af typeskiltet.",
    "Viceværten har nøglen, han er der fra kl. 7.",
    "Fejlen kommer igen efter et par timer, vi må skifte printet.",
    "Kunden har ringet og spurgt til status.",
    "Jeg har lagt filtrene i bilen.",
    "OK, tak for info.",
    "Aftalt med kunden at vi kommer mandag kl. 8.",
    "Der skal bruges lift, bestil den i god tid.",
    "Målt 2,1 bar på anlægget efter påfyldning.",
)

THREAD_TAGS = ("Noter", "Intern", "Kunde", "Service")

PROCEDURE_TITLES = (
    "Adgang til teknikrum",
    "Ved alarm på køleanlæg",
    "Nøgleudlevering",
    "Ved vandskade",
    "Ved strømsvigt",
    "Parkering og aflæsning",
    "Arbejde i produktionsområdet",
    "Kontakt ved akutte fejl",
)

PROCEDURE_SENTENCES = (
    "Meld altid ankomst i receptionen og bær synligt ID-kort.",
    "Nøglen til teknikrummet udleveres af viceværten mod kvittering.",
    "Ved alarm skal driftslederen kontaktes inden anlægget genstartes.",
    "Luk hovedhanen i kælderen og ring til kundens driftsvagt.",
    "Kølerummet må højst være åbent i fem minutter ad gangen.",
    "Der må kun parkeres i gården mellem kl. 7 og 9.",
    "Sikkerhedssko og høreværn er påbudt i hele produktionsområdet.",
    "Efter arbejdet skal alle låger låses og nøglen afleveres igen.",
    "Uden for åbningstid kontaktes vagtcentralen på det oplyste nummer.",
    "Dokumentér alle målinger på opgaven inden du forlader stedet.",
)

# Roles of a person at a company (cprelationship.title); the first is for the employer.
RELATION_ROLES = (
    "Driftsleder",
    "Vicevært",
    "Kontaktperson",
    "Bogholder",
    "Teknisk ansvarlig",
    "Ejer",
)
SECOND_RELATION_ROLES = ("Bestyrelsesmedlem", "Lejer", "Beboer", "Konsulent")

# (title, event type id): single appointments in the calendar besides the weekly meeting.
EVENT_TITLES = (
    ("Kursus: F-gas certificering", 2),
    ("Lægebesøg", 4),
    ("Værkstedsdag", 3),
    ("Medarbejdersamtale", 1),
    ("Tandlæge", 4),
    ("Sikkerhedskursus", 2),
    ("Bilen til service", 3),
    ("Ferie", 5),
)

STODO_DESCRIPTIONS = (
    "Ring til kunden og aftal tidspunkt",
    "Følg op på bestilte reservedele",
    "Send tilbud på udskiftning",
    "Tjek at anlægget kører efter reparationen",
    "Husk lovpligtigt eftersyn",
    "Bestil lift til opgaven",
    "Afstem timer med projektlederen",
)

CALL_NOTES = (
    "Vil gerne have en opringning om næste serviceeftersyn.",
    "Spørger til fakturaen fra sidste besøg.",
    "Ønsker tilbud på ny varmepumpe.",
    "Melder om støj fra ventilationen.",
    "Vil flytte aftalen til næste uge.",
)

REGISTRATION_NOTES = (
    "",
    "",
    "Fejlsøgning og udskiftning af del",
    "Service udført",
    "Kørsel til kunden",
    "Afventer reservedele",
    "Opstart og indregulering",
)
