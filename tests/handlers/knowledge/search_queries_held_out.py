"""The held-out part of the labelled query set: written before any tuning of the hybrid
ranking and never used to tune it (weights, thresholds, vocabulary). Only the quality test
and the benchmark read it.

Mostly questions in everyday words, as someone new to the knowledge base would ask them,
plus English questions over the German data and filters named in a sentence.
"""

FLOODS = {
    "schwerte-hochwassermonitoring-lorawan",
    "landkreis-hof-hochwasser-fruehwarnung-issigau",
    "lemgo-kalletal-hochwasserinformationssystem",
    "eifelkreis-digitale-hochwassermelder",
    "st-wendel-pegelmessung-bostalsee",
    "hassfurt-pegel-starkregen-dashboard",
    "eichenzell-starkregen-fruehwarnsystem",
    "hildesheim-hochwasser-datenkarte",
    "schleswig-flensburg-starkregenprognose",
}
VACANT_SHOPS = {
    "wolfsburg-markthalle",
    "lohmar-netz-werk-stadt",
    "zwoenitz-buntspeicher",
    "ilzer-land-hybride-dorfzentren",
    "einbeck-ein-lebens-raum",
    "muehlhausen-stadt-werkstatt",
}
SENIORS_ONLINE = {"eifelkreis-digitale-kuemmerer", "guetersloh-digitale-probierstadt"}
ON_DEMAND = {
    "kusel-buergerbus-on-demand",
    "zwoenitz-erzmobil",
    "suederbrarup-dorfshuttle",
    "muehlhausen-altstadt-shuttle",
}

HELD_OUT_GERMAN: list[tuple[str, set[str]]] = [
    # everyday questions
    (
        "Wie bekommen andere Städte mit, dass ein Bach nach starkem Regen über die Ufer tritt?",
        FLOODS,
    ),
    ("Wir wollen ältere Leute fit machen fürs Smartphone – wer macht sowas?", SENIORS_ONLINE),
    (
        "Kennt jemand ein Projekt, bei dem ein Roboter im Park Abfall aufsammelt?",
        {"pforzheim-muellroboter-ansgar"},
    ),
    (
        "Wie erkennt man falsch entsorgten Müll in der Biotonne automatisch?",
        {"pforzheim-ki-biotonne"},
    ),
    (
        "Hat eine Kommune schon Sensoren an Brücken angebracht, um Schäden früh zu sehen?",
        {"dortmund-smarte-bruecken"},
    ),
    (
        "Wie können Ärzte Bewohner im Pflegeheim per Video betreuen?",
        {"wunsiedel-telemedizin-pflegeheime"},
    ),
    ("Gibt es irgendwo einen Bus, den man auf dem Dorf per App bestellen kann?", ON_DEMAND),
    ("Wo fährt schon ein Bus ohne Fahrer?", {"geestland-autonomer-kleinbus"}),
    ("Wie kann man leere Läden in der Fußgängerzone wieder beleben?", VACANT_SHOPS),
    (
        "Welche Stadt zeigt Radfahrern an der Ampel, ob sie noch bei Grün durchkommen?",
        {"muenster-leezenflow"},
    ),
    (
        "Wie findet man in der Stadt schneller einen freien Parkplatz?",
        {
            "pforzheim-lorawan-parken",
            "osnabrueck-parksensorik-radzaehlung",
            "muehlhausen-buergerdashboard",
            "luebeck-smart-city-plattform-stadtplan",
        },
    ),
    (
        "Wann müssen junge Straßenbäume gegossen werden – misst das jemand?",
        {
            "guetersloh-jungbaum-sensorik",
            "muenster-klima-messstationen",
            "linz-mobile-baeume",
            "linz-lorawan-passantenzaehlung",
            "bamberg-bakim-baumkataster",
        },
    ),
    (
        "Wie merkt der Bauhof rechtzeitig, dass die Straßen glatt werden?",
        {"guetersloh-smarter-winterdienst"},
    ),
    (
        "Was tun Kommunen gegen Einsamkeit im Alter?",
        {"wuerzburg-heldenhelfer-wie-gehts", "eifelkreis-digitale-kuemmerer"},
    ),
    (
        "Wie beteiligt man Menschen, die nie ins Rathaus kommen?",
        {
            "kielregion-tiny-rathaus",
            "ilzer-land-smart-region-bus",
            "oberhausen-smartboxes-projektfonds",
            "kielregion-beteiligungstoolbox",
        },
    ),
    (
        "Hat schon mal eine Stadt zufällig ausgewählte Bürger über ihre Strategie beraten lassen?",
        {"kassel-buergerrat-smart-kassel"},
    ),
    (
        "Hat jemand ein 3D-Stadtmodell, mit dem man Bauvorhaben vorab zeigen kann?",
        {
            "halle-hal-plan",
            "kirchheim-digitaler-zwilling-baurecht",
            "kaiserslautern-cim-panoramabefahrung",
            "paderborn-digitaler-zwilling-cim",
            "wuppertal-digital-zwilling",
            "oberhausen-digitaler-zwilling-kollaborativ",
        },
    ),
    (
        "Wie sieht man, in welchen Vierteln besonders viel Wärme zum Heizen gebraucht wird?",
        {"giessen-dynamisches-waermekataster"},
    ),
    (
        "Wohin mit überschüssigem Windstrom, wenn der Strompreis negativ ist?",
        {"fuchstal-virtuelles-kraftwerk"},
    ),
    (
        "Wie spart man Strom bei der Straßenbeleuchtung?",
        {"konstanz-klimadaten-led", "gera-solarleuchten-ufer-elster-park"},
    ),
    (
        "Wie behalten wir den Energie- und Wasserverbrauch unserer Schulen im Blick?",
        {"geestland-verbrauchssensorik"},
    ),
    (
        "Wie bringen wir Schülern bei, mit Messdaten umzugehen?",
        {
            "dortmund-smarte-schulen",
            "bochum-boklinet",
            "giessen-digital-mobil-bildungsbus",
            "kassel-aurea-sensoriklabor",
            "st-wendel-pegelmessung-bostalsee",
        },
    ),
    (
        "Gibt es eine App, die an die Müllabfuhr erinnert?",
        {"st-wendel-meinwnd-app", "detmold-appmold"},
    ),
    (
        "Kann man irgendwo Räume im Gemeindehaus online reservieren?",
        {"suederbrarup-biletado"},
    ),
    ("Wie klappt Carsharing in kleinen Orten?", {"lohmar-carsharing"}),
    (
        "Wer misst, wie sauber das Wasser in den Badeseen ist?",
        {
            "vorpommern-greifswald-wasser-sensorik",
            "rostock-wasser-warnow-wir",
            "luebeck-smart-city-plattform-stadtplan",
        },
    ),
    (
        "Wie erledigt man Behördengänge mit dem Handy?",
        {"gelsenkirchen-buerger-id", "jena-e-government-plusplus", "eichenzell-app"},
    ),
    (
        "Welche Stadt übersetzt Amtsdeutsch mit KI in einfache Sprache?",
        {"jena-ki-chatsystem"},
    ),
    (
        "Wie können Wanderwege automatisch gesperrt werden, wenn Trittsteine überflutet sind?",
        {"mayen-koblenz-smartes-wegemanagement"},
    ),
    (
        "Wie macht man das Leben auf einer Burg im Museum virtuell erlebbar?",
        {"kusel-burgleben-digital"},
    ),
    (
        "Gibt es ein Theater, bei dem das Publikum per App mitentscheidet?",
        {"gera-digitales-theater"},
    ),
    (
        "Was hilft Dörfern, wenn der letzte Laden zumacht?",
        {
            "hoexter-smarte-nahversorgungsraeume",
            "hoexter-nah-versorgt-digital",
            "ilzer-land-hybride-dorfzentren",
            "hameln-pyrmont-15-minuten-region",
        },
    ),
    (
        "Wo können Jugendliche 3D-Drucker und VR-Brillen ausprobieren?",
        {
            "hagenow-digitaler-experimentierraum",
            "kempten-digital-makerspace-mobil",
            "giessen-digital-mobil-bildungsbus",
            "barleben-digitalwerkstatt-villa147",
        },
    ),
    (
        "Wie können Leute im Viertel noch kommunizieren, wenn Strom und Handynetz ausfallen?",
        {"berlin-kiezbox"},
    ),
    ("Wer prüft mit Drohnen, wie gesund die Stadtbäume sind?", {"bamberg-bakim-baumkataster"}),
    (
        "Wie zählt man, wie viele Leute durch die Innenstadt laufen?",
        {
            "linz-lorawan-passantenzaehlung",
            "muehlhausen-buergerdashboard",
            "luebeck-smart-city-plattform-stadtplan",
        },
    ),
    (
        "Wie kühlt man einen Marktplatz, unter dem man keine Bäume pflanzen kann?",
        {"linz-mobile-baeume"},
    ),
    (
        "Wie zeigt eine Stadt öffentlich, wie weit sie beim Klimaschutz ist?",
        {"muenster-klimadashboard", "potsdam-klimadashboard"},
    ),
    (
        "Wie misst man, ob Smart-City-Projekte überhaupt etwas bringen?",
        {"dresden-wirkungsanalyse-modell"},
    ),
    (
        "Wo finde ich Open-Source-Software, die andere Kommunen schon nachnutzen?",
        {"jena-smartfloss"},
    ),
    (
        "Wie arbeiten Stadtverwaltung und städtische Gesellschaften beim Thema Daten zusammen?",
        {"kempten-digital-cooperation-lab", "moenchengladbach-leitlinien-datensouveraenitaet"},
    ),
    (
        "Wie müssen Patienten im Krankenhaus weniger lange am Empfang warten?",
        {"cottbus-self-check-in-klinikum"},
    ),
    (
        "Welche Kommunen arbeiten mit dem Nachbarland über die Grenze hinweg zusammen?",
        {
            "freiburg-triregio-data-space",
            "guben-grenzueberschreitende-gefahrenabwehr",
            "schleswig-flensburg-starkregenprognose",
        },
    ),
    (
        "Wie lenkt man Besucherströme im Tourismus in der Region?",
        {"rhein-neckar-das-wir-wirkt"},
    ),
    (
        "Wie bringt eine App die Leute dazu, sich klimafreundlicher zu verhalten?",
        {"dresden-cleema", "detmold-mobilitaet-nudging"},
    ),
    (
        "Wo können Bürger einfach vorbeikommen und über digitale Themen reden?",
        {
            "st-wendel-buergerlabor-kugelbrunnen",
            "hameln-pyrmont-smart-city-buero",
            "einbeck-ein-lebens-raum",
            "muehlhausen-stadt-werkstatt",
            "iserlohn-waldstadtlabor",
            "suedwestfalen-stadtlabore",
            "hassfurt-beteiligt-stadtlabor",
            "lohmar-netz-werk-stadt",
        },
    ),
    (
        "Wie macht man ein Welterbe für Menschen mit Behinderung zugänglich?",
        {"regensburg-inklusives-welterbe"},
    ),
    (
        "Kann ein Chatbot Unternehmen bei der Standortsuche helfen?",
        {"hagenow-ki-business-chatbot"},
    ),
    (
        "Wie kann man Feinstaubwerte für Bürger verständlich darstellen?",
        {
            "detmold-statt-daten-stadtdaten",
            "gera-smartcity-cockpit",
            "aalen-heidenheim-smartes-cockpit",
        },
    ),
    (
        "Wie können die Geschäfte vor Ort auch online verkaufen?",
        {
            "grevesmuehlen-stadtportal",
            "wunsiedel-fichtelapp",
            "hoexter-smarte-nahversorgungsraeume",
        },
    ),
    # one strong word among words that match nothing
    ("Bürgerrat in unserer Verbandsgemeinde einführen", {"kassel-buergerrat-smart-kassel"}),
    ("Müllroboter anschaffen", {"pforzheim-muellroboter-ansgar"}),
    ("Hackathon rund ums Wasser", {"darmstadt-im-flow-smart-water"}),
    ("Minecraft mit Jugendlichen", {"st-wendel-buergerlabor-kugelbrunnen"}),
    ("Mängelmelder einführen", {"hagenow-hagenow-app", "partheland-partheapp-parthecloud"}),
    # filters named in the sentence
    ("Was gibt es in Hessen zum Thema Starkregen?", {"eichenzell-starkregen-fruehwarnsystem"}),
    (
        "Welche Apps gibt es in Sachsen?",
        {"zwoenitz-app", "partheland-partheapp-parthecloud", "dresden-cleema"},
    ),
    (
        "Was hat Hagenow schon verstetigt?",
        {
            "hagenow-hagenow-app",
            "hagenow-ki-business-chatbot",
            "hagenow-digitaler-experimentierraum",
        },
    ),
    (
        "Welche digitalen Zwillinge laufen noch als Pilot?",
        {"regensburg-energie-zwilling-margaretenau"},
    ),
    (
        "Was macht die Stadt Gera?",
        {"gera-smartcity-cockpit", "gera-solarleuchten-ufer-elster-park", "gera-digitales-theater"},
    ),
    ("Mobilität im Landkreis Kusel", {"kusel-buergerbus-on-demand"}),
    (
        "Hochwasserschutz in Bayern",
        {"landkreis-hof-hochwasser-fruehwarnung-issigau", "hassfurt-pegel-starkregen-dashboard"},
    ),
    ("Welche Pilotprojekte gibt es zum Parken?", {"osnabrueck-parksensorik-radzaehlung"}),
    (
        "Was läuft in Thüringen mit Dashboards?",
        {"muehlhausen-buergerdashboard", "gera-smartcity-cockpit"},
    ),
    # keywords
    ("Mitlaufendes Licht im Park", {"gera-solarleuchten-ufer-elster-park"}),
    ("Wetterstationen an Schulen", {"bochum-boklinet"}),
    ("Wärmebildkamera Verkehr", {"kaiserslautern-verkehrsfluss-waermebild"}),
    ("Regenrückhaltebecken Sensoren", {"bochum-wasserhaushaltsmodell"}),
    ("Panoramabilder vom Stadtgebiet", {"kaiserslautern-cim-panoramabefahrung"}),
    ("QR-Codes am Wanderweg", {"mayen-koblenz-traumpfaedchen-sayn"}),
    (
        "Telepräsenzroboter",
        {"barleben-digitalwerkstatt-villa147", "ilzer-land-smart-region-bus"},
    ),
    (
        "Ideenwettbewerb",
        {
            "koeln-unbox-cologne",
            "hameln-pyrmont-hapy-ideenwettbewerb",
            "hoexter-nah-versorgt-digital",
        },
    ),
]

HELD_OUT_ENGLISH: list[tuple[str, set[str]]] = [
    ("How do towns warn residents about flash floods?", FLOODS),
    ("Which city uses a robot to pick up litter?", {"pforzheim-muellroboter-ansgar"}),
    ("citizens' assembly on the smart city strategy", {"kassel-buergerrat-smart-kassel"}),
    ("How can older people learn to use smartphones?", SENIORS_ONLINE),
    ("on-demand shuttle in rural areas", ON_DEMAND),
    ("Is there a self-driving minibus somewhere?", {"geestland-autonomer-kleinbus"}),
    (
        "Who measures the water quality of lakes?",
        {"vorpommern-greifswald-wasser-sensorik", "rostock-wasser-warnow-wir"},
    ),
    (
        "Which district maps the heating demand of buildings?",
        {"giessen-dynamisches-waermekataster"},
    ),
    ("research on drone logistics", {"moenchengladbach-drohnenlogistik"}),
    ("telemedicine in nursing homes", {"wunsiedel-telemedizin-pflegeheime"}),
    (
        "How can we let people book rooms online with open source software?",
        {"suederbrarup-biletado"},
    ),
    (
        "smart LED street lighting",
        {"konstanz-klimadaten-led", "gera-solarleuchten-ufer-elster-park"},
    ),
    ("digital theatre where the audience takes part", {"gera-digitales-theater"}),
    ("traffic light assistant for cyclists", {"muenster-leezenflow"}),
    ("What can we do about vacant shops in the town centre?", VACANT_SHOPS),
    ("crisis communication when the mobile network fails", {"berlin-kiezbox"}),
    ("AI that detects wrong items in organic waste bins", {"pforzheim-ki-biotonne"}),
    (
        "Is there a climate dashboard with greenhouse gas scenarios?",
        {"potsdam-klimadashboard"},
    ),
    ("sensors that monitor the condition of bridges", {"dortmund-smarte-bruecken"}),
    ("platforms against loneliness", {"wuerzburg-heldenhelfer-wie-gehts"}),
]

HELD_OUT = HELD_OUT_GERMAN + HELD_OUT_ENGLISH
