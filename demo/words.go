package demo

// The word lists of the demo city. They are read-only: every choice among them goes
// through the builder's seeded random source, so the city is the same every run.

var femaleNames = []string{
	"Anna", "Birgit", "Claudia", "Dagmar", "Elke", "Franziska", "Gabriele", "Heike",
	"Ines", "Julia", "Karin", "Lena", "Maren", "Nicole", "Petra", "Renate", "Sabine",
	"Silke", "Tanja", "Ulrike", "Vera", "Wiebke", "Anke", "Kerstin", "Miriam", "Svenja",
}

var maleNames = []string{
	"Andreas", "Bernd", "Christian", "Dirk", "Frank", "Gerd", "Hauke", "Jan", "Jens",
	"Jörg", "Klaus", "Lars", "Martin", "Nils", "Olaf", "Peter", "Ralf", "Stefan",
	"Thomas", "Torsten", "Uwe", "Volker", "Wolfgang", "Matthias", "Henning", "Kai",
}

var familyNames = []string{
	"Andersen", "Behrens", "Brandt", "Carstensen", "Dahl", "Ehlers", "Feddersen",
	"Gerdes", "Hansen", "Harder", "Iversen", "Jansen", "Jensen", "Kock", "Lange",
	"Lorenzen", "Martens", "Möller", "Nissen", "Ohlsen", "Petersen", "Paulsen",
	"Rickert", "Schröder", "Schulz", "Sievers", "Stölting", "Thomsen", "Timm",
	"Voß", "Wegner", "Wulff", "Ziesemer", "Hinrichs", "Bruhn", "Clausen", "Förster",
	"Gosch", "Kühl", "Ramm", "Stoltenberg", "Tiedemann",
}

// Places of Norderstedt that titles are made of.
var (
	districts = []string{"Garstedt", "Harksheide", "Friedrichsgabe", "Glashütte", "Norderstedt-Mitte"}
	streets   = []string{
		"Ulzburger Straße", "Segeberger Chaussee", "Ochsenzoller Straße", "Poppenbütteler Straße",
		"Schmuggelstieg", "Rathausallee", "Friedrichsgaber Weg", "Tannenhofstraße",
		"Harckesheyde", "Stormarnstraße", "Glashütter Damm", "Europaallee",
	}
	schools = []string{
		"Grundschule Harkshörn", "Grundschule Falkenberg", "Grundschule Lütjenmoor",
		"Grundschule Glashütte-Süd", "Coppernicus-Gymnasium", "Lessing-Gymnasium",
		"Gemeinschaftsschule Harksheide", "Willy-Brandt-Schule", "Horst-Embacher-Schule",
	}
	kitas = []string{
		"Kita Sonnenschein", "Kita Regenbogen", "Kita Falkenberg", "Kita Pusteblume",
		"Kita am Moorbekpark", "Kita Friedrichsgabe",
	}
	areas = []string{
		"Garstedter Dreieck", "Frederikspark", "Nordport Süd", "Am Ochsenzoll",
		"Harkshörner Weg", "Glashütter Markt", "Moorbekpark Ost", "Friedrichsgaber Weg Nord",
	}
)

// topic is a subject a committee deals with and what it can decide about it.
// Placeholders in braces are filled from the place lists above.
type topic struct {
	subject string
	actions []string
}

var planningTopics = []topic{
	{"Bebauungsplan Nr. {nr} „{area}“", []string{"Aufstellungsbeschluss", "Entwurfs- und Auslegungsbeschluss", "Satzungsbeschluss", "Abwägung der Stellungnahmen"}},
	{"Radwegeverbindung {street}", []string{"Ausbauplanung", "Vorentwurf", "Bereitstellung von Haushaltsmitteln"}},
	{"Fahrradstraße im Stadtteil {district}", []string{"Einrichtung", "Ergebnis der Verkehrszählung"}},
	{"Sanierung der Fahrbahn {street}", []string{"Auftragsvergabe", "Bauzeitenplan", "Kostenfortschreibung"}},
	{"Lärmaktionsplan der Stadt Norderstedt", []string{"Fortschreibung {year}", "Beteiligung der Öffentlichkeit", "Maßnahmen an der {street}"}},
	{"Parkraumkonzept für {district}", []string{"Grundsatzbeschluss", "Zwischenbericht"}},
	{"Barrierefreier Ausbau der Bushaltestellen an der {street}", []string{"Prioritätenliste", "Umsetzung 2. Bauabschnitt"}},
	{"Mobilitätsstation am Bahnhof Norderstedt Mitte", []string{"Standortentscheidung", "Förderantrag"}},
	{"Flächennutzungsplan 2030, {nr}. Änderung „{area}“", []string{"Feststellungsbeschluss", "frühzeitige Beteiligung"}},
	{"Wohnungsbau im Quartier „{area}“", []string{"städtebaulicher Vertrag", "Quote für geförderten Wohnraum"}},
}

var schoolTopics = []topic{
	{"Erweiterung der {school}", []string{"Raumprogramm", "Baubeschluss", "Mehrkosten"}},
	{"Sanierung der Sporthalle der {school}", []string{"Auftragsvergabe", "Bereitstellung von Haushaltsmitteln"}},
	{"Neubau der {kita} in {district}", []string{"Trägerauswahl", "Baubeschluss"}},
	{"Kita-Bedarfsplanung {year}", []string{"Fortschreibung", "Beschluss"}},
	{"Offene Ganztagsschule an der {school}", []string{"Ausbau", "Kooperationsvertrag"}},
	{"Digitale Endgeräte für Schülerinnen und Schüler", []string{"Beschaffung", "Mittelverwendung DigitalPakt"}},
	{"Schulentwicklungsplan {year}", []string{"Fortschreibung", "Beteiligung der Schulkonferenzen"}},
	{"Sportentwicklungsplanung", []string{"Vergabe des Gutachtens", "Ergebnisse"}},
	{"Jugendzentrum {district}", []string{"Öffnungszeiten", "Sanierungsbedarf"}},
	{"Schulwegsicherung an der {street}", []string{"Maßnahmenpaket", "Ergebnis der Begehung"}},
}

var climateTopics = []topic{
	{"Klimaschutzkonzept der Stadt Norderstedt", []string{"Umsetzungsstand {year}", "Fortschreibung", "Maßnahmenkatalog"}},
	{"Photovoltaik auf städtischen Dächern", []string{"Ausbauprogramm", "Potenzialanalyse"}},
	{"Kommunale Wärmeplanung", []string{"Vergabe", "Zwischenbericht", "Beschluss des Wärmeplans"}},
	{"Baumschutzsatzung", []string{"Änderung", "Evaluation"}},
	{"Renaturierung der Moorbek im Abschnitt {area}", []string{"Planungsauftrag", "Förderantrag"}},
	{"Straßenbeleuchtung auf LED", []string{"Umrüstung {year}", "Kostenbericht"}},
	{"Starkregenvorsorge im Stadtteil {district}", []string{"Gefahrenkarte", "Maßnahmenplan"}},
	{"Blühwiesen auf städtischen Grünflächen", []string{"Programm {year}", "Pflegekonzept"}},
	{"Fuhrpark der Stadtverwaltung", []string{"Umstellung auf E-Fahrzeuge", "Ladeinfrastruktur"}},
}

var mainTopics = []topic{
	{"Haushaltssatzung {year}", []string{"Entwurf", "Beschluss", "Nachtragshaushalt"}},
	{"Jahresabschluss {year0}", []string{"Feststellung", "Prüfbericht"}},
	{"Stellenplan {year}", []string{"Änderung", "Beschluss"}},
	{"Digitalisierungsstrategie der Stadtverwaltung", []string{"Fortschreibung", "Umsetzungsstand {year}"}},
	{"Onlinezugangsgesetz: digitale Verwaltungsleistungen", []string{"Sachstand", "Priorisierung", "Umsetzung im Bürgeramt", "Zahlungsverfahren {year}"}},
	{"Grundsteuerhebesätze {year}", []string{"Festsetzung", "Aufkommensneutraler Hebesatz"}},
	{"Zuschüsse an Vereine und Verbände {year}", []string{"Verteilung", "Richtlinie"}},
	{"Smart-City-Offensive „Norderstedt GO!“", []string{"Projektsteckbriefe", "Sachstandsbericht", "Mittelfreigabe"}},
	{"Breitbandausbau in Gewerbegebieten", []string{"Kooperationsvertrag mit den Stadtwerken", "Sachstand"}},
	{"Beteiligungsbericht der städtischen Gesellschaften {year0}", []string{"Kenntnisnahme", "Vorlage"}},
	{"Gebührensatzung für die Stadtbücherei", []string{"Änderung", "Kalkulation"}},
	{"Wirtschaftsförderung: Gewerbeflächen in {area}", []string{"Vermarktung", "Grundsatzbeschluss"}},
}

var councilTopics = []topic{
	{"Hauptsatzung der Stadt Norderstedt", []string{"Änderung", "Neufassung", "{ord}. Nachtrag", "Änderung von § {par}"}},
	{"Geschäftsordnung der Stadtvertretung", []string{"Änderung", "Änderung von § {par}", "Regeln für hybride Sitzungen", "Neuregelung der Einwohnerfragestunde"}},
	{"Wahl von Mitgliedern in Ausschüsse", []string{"Umbesetzung", "Nachwahl", "Nachwahl eines stellvertretenden Mitglieds", "Wahl einer oder eines Vorsitzenden"}},
	{"Entschädigungssatzung", []string{"Anpassung", "{ord}. Nachtragssatzung", "Anpassung an die Entschädigungsverordnung {year}", "Sitzungsgeld für Ausschussmitglieder"}},
	{"Ehrenamtliche Richterinnen und Richter", []string{"Vorschlagsliste {year}"}},
	{"Seniorenbeirat der Stadt Norderstedt", []string{"Satzungsänderung", "Wahlordnung"}},
	{"Bürgerhaus in {district}", []string{"Nutzungsentgelte", "Sanierungsbedarf"}},
	{"Benennung einer Straße im Baugebiet „{area}“", []string{"Beschluss"}},
}

// Names of non-public agenda items: land, staff and contracts are confidential by law
// (§ 35 GO Schleswig-Holstein).
var nonPublicItems = []string{
	"Grundstücksangelegenheiten: Verkauf einer Teilfläche im Gebiet „{area}“",
	"Grundstücksangelegenheiten: Ankauf einer Fläche an der {street}",
	"Personalangelegenheiten: Besetzung einer Amtsleitung",
	"Personalangelegenheiten: Höhergruppierung",
	"Vergabe: Rahmenvertrag Gebäudereinigung für Schulen",
	"Vergabe: Bauleistungen {school}",
	"Vertragsangelegenheiten: Pachtvertrag für die Gaststätte im Stadtpark",
	"Stundung einer Gewerbesteuerforderung",
}

// Sentences of a Sachverhalt; {subject}, {committee} and {unit} are filled in.
var factSentences = []string{
	"Die Verwaltung legt hiermit die Unterlagen zu {subject} vor.",
	"Der {committee} hat sich bereits in seiner letzten Sitzung mit dem Thema befasst und die Verwaltung um eine Vorlage gebeten.",
	"Die erforderlichen Haushaltsmittel stehen im Teilergebnisplan zur Verfügung.",
	"Die Beteiligung der betroffenen Fachbereiche ist erfolgt; Bedenken wurden nicht vorgetragen.",
	"Eine Abstimmung mit den Stadtwerken Norderstedt hat stattgefunden.",
	"Die Maßnahme trägt zu den Zielen des Klimaschutzkonzepts bei.",
	"Die Ergebnisse der Bürgerbeteiligung sind in der Anlage zusammengefasst.",
	"Federführend ist {unit}; die Umsetzung ist für das kommende Jahr vorgesehen.",
	"Die Kosten wurden auf Grundlage aktueller Marktpreise geschätzt.",
	"Eine Förderung aus Landesmitteln wurde beantragt; der Bescheid steht noch aus.",
}

// Sentences of a motion's Begründung.
var motionSentences = []string{
	"Das Anliegen wird von vielen Bürgerinnen und Bürgern an uns herangetragen.",
	"Die Verwaltung wird gebeten, im {committee} über den Stand zu berichten.",
	"Vergleichbare Städte in Schleswig-Holstein haben damit gute Erfahrungen gemacht.",
	"Die Kosten sind im nächsten Haushalt zu berücksichtigen.",
	"Eine schnelle Umsetzung ist auch im Sinne des Klimaschutzes geboten.",
	"Die Beteiligung der Ortsteile soll frühzeitig erfolgen.",
}

var inquiryQuestions = []string{
	"Wie ist der aktuelle Sachstand?",
	"Welche Kosten sind bisher entstanden, und welche werden noch erwartet?",
	"Bis wann ist mit einem Abschluss der Maßnahme zu rechnen?",
	"Wie wurden die Bürgerinnen und Bürger beteiligt?",
	"Welche Alternativen hat die Verwaltung geprüft?",
	"Welche Fördermittel wurden beantragt?",
}

var answerSentences = []string{
	"Die Maßnahme befindet sich in der Umsetzung; der nächste Bauabschnitt beginnt im Frühjahr.",
	"Bisher sind Kosten in Höhe von rund 85.000 € entstanden; der Kostenrahmen wird eingehalten.",
	"Nach derzeitiger Planung ist mit einem Abschluss bis zum Jahresende zu rechnen.",
	"Es fanden zwei öffentliche Informationsveranstaltungen und eine Online-Beteiligung statt.",
	"Geprüft wurden drei Varianten; die Bewertung ist in der Anlage dargestellt.",
	"Ein Förderantrag beim Land Schleswig-Holstein wurde gestellt.",
}
