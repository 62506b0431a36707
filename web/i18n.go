package web

// english translates the German UI texts. German is the source: a text missing
// here shows in German, which is better than a key or an empty space.
var english = map[string]string{
	"Hauptnavigation": "Main navigation",
	"Sitzungen":       "Meetings", "Vorlagen": "Papers", "Gremien": "Organizations", "Personen": "People",
	"Suche": "Search", "Suchen": "Search", "Titel oder Vorlagennummer": "Title or reference number",
	"Website durchsuchen": "Search this site", "Vorlagen durchsuchen": "Search papers",

	"Barrierefreiheit": "Accessibility", "Impressum": "Imprint", "Datenschutz": "Privacy",
	"OParl-Schnittstelle": "OParl API", "Sitzungskalender (ICS)": "Meeting calendar (ICS)",
	"Nächste Sitzungen": "Next meetings", "Neue Vorlagen": "New papers", "Neue Antworten auf Anfragen": "New answers to inquiries",
	"Zum Sitzungskalender": "Meeting calendar", "Alle Vorlagen": "All papers",
	"Hier finden Sie die Sitzungen, Vorlagen und Beschlüsse der Stadtvertretung und ihrer Ausschüsse.": "Meetings, papers and resolutions of the city council and its committees.",
	"Vorlagen suchen (Titel oder Vorlagennummer)":                                                      "Search papers (title or reference number)",
	"Termin": "Date", "Status": "State", "Ort": "Place", "Gremium": "Organization", "Kalender": "Calendar",
	"Termin herunterladen (ICS)": "Download appointment (ICS)", "Tagesordnung": "Agenda",
	"Tagesordnungspunkte": "Agenda items", "Ergebnis": "Result", "Beschluss": "Resolution",
	"nichtöffentlich": "not public", "Nichtöffentlicher Tagesordnungspunkt": "Non-public agenda item", "abgesagt": "cancelled", "Dokumente": "Documents", "Anlage": "Attachment", "Anlagen": "Attachments",
	"Einladung": "Invitation", "Ergebnisniederschrift": "Minutes", "Wortprotokoll": "Verbatim minutes",
	"terminiert": "scheduled", "eingeladen": "invited", "durchgeführt": "held",
	"Diese Sitzung wurde abgesagt.": "This meeting was cancelled.",
	"Anzeigen":                      "View", "Herunterladen": "Download",
	"Vorlagennummer": "Reference", "Art": "Type", "Datum": "Date", "Urheber*in": "Originator", "Federführung": "Lead unit",
	"Beratungsfolge": "Consultations", "Sitzungstermin": "Meeting date", "Zuständigkeit": "Role",
	"Antwort auf diese Anfrage": "Answer to this inquiry", "Beantwortet die Anfrage": "Answers the inquiry",
	"Zugehörige Vorlagen": "Related papers", "Volltext": "Full text", "Text der Anlagen": "Text of the attachments",
	"Gekürzt; den vollständigen Text enthält die Datei.": "Shortened; the file holds the full text.", "noch offen": "not yet scheduled", "entscheidend": "decisive",
	"Mitglieder": "Members", "Frühere Mitglieder": "Former members", "Letzte Sitzungen": "Recent meetings",
	"Mitgliedschaften": "Memberships", "Eingereichte Vorlagen": "Papers submitted", "Rolle": "Role", "Zeitraum": "Period",
	"seit": "since", "bis": "until", "für": "for", "ohne Stimmrecht": "no vote",
	"Zur Suche": "Search",
	"Monat":     "Month", "Filtern": "Filter", "alle Gremien": "all organizations", "alle Arten": "all types",
	"zum aktuellen Monat": "to the current month",
	"Für diesen Monat gibt es keine Sitzungen; der Kalender reicht von %s bis %s.": "There are no meetings in this month; the calendar runs from %s to %s.",
	"← voriger Monat": "← previous month", "nächster Monat →": "next month →", "Kalender abonnieren (ICS)": "Subscribe to calendar (ICS)",
	"Liste": "List", "Vorlagen gefunden": "papers found", "Seite": "page", "von": "of",
	"← vorige Seite": "← previous page", "nächste Seite →": "next page →",
	"Datei anzeigen": "View file", "Datei herunterladen": "Download file", "Datei melden": "Report this file",
	"Das Dokument liegt bei der Quelle dieser Daten; die Links führen dorthin:": "The document is held at the source of this data; the links lead there:",
	"Erklärung zur Barrierefreiheit":                                            "Accessibility statement", "Ihre Nachricht": "Your message", "Absenden": "Send",

	// Lists and filters.
	"Titel oder Nummer": "Title or reference", "Datum von": "Date from", "Datum bis": "Date until",
	"Urheber*in (Person)": "Originator (person)", "alle Personen": "all persons", "Alle Vorlagen dieser Person": "All papers of this person",
	"Treffer für": "results for", "mehr als": "more than", "Seiten": "Pages", "Monate": "Months", "Anfangsbuchstaben": "Initial letters",
	"Der Suchbegriff war zu lang und wurde gekürzt.":                                                                                              "The search term was too long and has been shortened.",
	"Keine Vorlage gefunden. Versuchen Sie einen kürzeren Begriff oder die Vorlagennummer, z. B. A 23/0012.":                                      "No paper found. Try a shorter term or the reference number, e.g. A 23/0012.",
	"Das Datum „von“ wurde nicht verstanden; erwartet wird JJJJ-MM-TT.":                                                                           "The date “from” was not understood; expected is YYYY-MM-DD.",
	"Das Datum „bis“ wurde nicht verstanden; erwartet wird JJJJ-MM-TT.":                                                                           "The date “until” was not understood; expected is YYYY-MM-DD.",
	"Das Gremium wurde nicht verstanden; angezeigt werden alle Gremien.":                                                                          "The organization was not understood; all organizations are shown.",
	"Dieses Gremium gibt es nicht; angezeigt werden alle Gremien.":                                                                                "This organization does not exist; all organizations are shown.",
	"Die Person wurde nicht verstanden; angezeigt werden die Vorlagen aller Personen.":                                                            "The person was not understood; papers of all persons are shown.",
	"Diese Person gibt es nicht; angezeigt werden die Vorlagen aller Personen.":                                                                   "This person does not exist; papers of all persons are shown.",
	"Diese Vorlagenart gibt es nicht; angezeigt werden alle Arten.":                                                                               "This paper type does not exist; all types are shown.",
	"Die Seitenzahl wurde nicht verstanden; angezeigt wird die erste Seite.":                                                                      "The page number was not understood; the first page is shown.",
	"Der Monat wurde nicht verstanden; erwartet wird zum Beispiel 02.2023, 2/2023, Februar 2023 oder 2023-02. Angezeigt wird der aktuelle Monat.": "The month was not understood; expected is for example 02.2023, 2/2023, February 2023 or 2023-02. The current month is shown.",
	"Das Jahr wurde nicht verstanden; erwartet wird eine Jahreszahl wie 2023. Angezeigt wird das aktuelle Jahr.":                                  "The year was not understood; expected is a year such as 2023. The current year is shown.",
	"Sitzungen im Jahr": "Meetings in", "Jahre": "Years", "← voriges Jahr": "← previous year", "nächstes Jahr →": "next year →",
	"In diesem Jahr finden keine Sitzungen statt.": "There are no meetings this year.", "Jahresübersicht": "Year overview",
	"Sitzungen nach Jahr": "Meetings by year", "Monatskalender": "Month calendar",
	"MM.JJJJ": "MM.YYYY", "z. B. 02.2023 oder Februar 2023": "e.g. 02.2023 or February 2023",

	// Calendar.
	"Montag": "Monday", "Dienstag": "Tuesday", "Mittwoch": "Wednesday", "Donnerstag": "Thursday", "Freitag": "Friday",
	"Samstag": "Saturday", "Sonntag": "Sunday",
	"Mo": "Mon", "Di": "Tue", "Mi": "Wed", "Do": "Thu", "Fr": "Fri", "Sa": "Sat", "So": "Sun",
	"In diesem Monat finden keine Sitzungen statt.": "There are no meetings this month.",
	"Derzeit sind keine Sitzungen geplant.":         "No meetings are scheduled at present.", "Keine Sitzungen geplant.": "No meetings scheduled.",
	"Alle Sitzungen im Kalender": "All meetings in the calendar",

	// Meetings, papers, files.
	"TOP": "Item", "Sprungmarken zur Tagesordnung": "Jump to agenda item", "Direkt zu": "Go to", "Auf dieser Seite": "On this page",
	"Für diese Sitzung ist noch keine Tagesordnung veröffentlicht.": "No agenda has been published for this meeting yet.",
	"Für diese Vorlage ist keine Beratung geplant.":                 "No consultation is planned for this paper.",
	"Diese Sitzung als Kalendereintrag (ICS)":                       "This meeting as a calendar entry (ICS)",
	"Neue Vorlagen (Atom)":                                          "New papers (Atom)", "Vorlagen (Atom)": "Papers (Atom)",
	"Noch keine Antworten veröffentlicht.": "No answers published yet.", "Noch keine Vorlagen veröffentlicht.": "No papers published yet.",
	"Keine Vorlagen.": "No papers.", "Dateityp": "File type", "Größe": "Size", "Lizenz": "Licence",
	"Gehört zu den Vorlagen": "Belongs to the papers", "Gehört zu den Sitzungen": "Belongs to the meetings",

	// Organizations, persons, places.
	"Fraktionen": "Factions", "Parteien": "Parties", "Verwaltung": "Administration", "Externe Gremien": "External bodies",
	"Institutionen": "Institutions", "Sonstige": "Other",
	// OParl's organization types (Gremium: see above, Sonstiges: in englishForms).
	"Partei": "Party", "Fraktion": "Faction", "Aktuell": "Currently", "Dokumente der Sitzung": "Documents of the meeting", "Verwaltungsbereich": "Administrative unit", "externes Gremium": "External body", "Institution": "Institution", "Es sind noch keine Gremien eingetragen.": "No organizations have been entered yet.",
	"Kurzname": "Short name", "Gehört zu": "Part of", "Seit": "Since", "Bis": "Until", "Website": "Website", "aufgelöst": "dissolved",
	"Abonnieren": "Subscribe", "Vorlagen dieses Gremiums (Atom)": "Papers of this organization (Atom)",
	"Sitzungen dieses Gremiums (ICS)": "Meetings of this organization (ICS)", "Alle Vorlagen dieses Gremiums": "All papers of this organization",
	"Keine aktuellen Mitglieder eingetragen.": "No current members entered.", "Name": "Name",
	"Es sind noch keine Personen eingetragen.": "No persons have been entered yet.",
	"Anrede": "Form of address", "Funktion": "Function", "E-Mail": "E-mail", "Telefon": "Phone", "Anschrift": "Address",
	"Sitzungen der Gremien (ICS)": "Meetings of the organizations (ICS)", "Sitzungen der Gremien dieser Person (ICS)": "Meetings of this person's organizations (ICS)",
	"Lebenslauf": "Biography", "Keine Mitgliedschaften eingetragen.": "No memberships entered.",
	"Beschreibung": "Description", "Raum": "Room", "Sitzungen an diesem Ort": "Meetings at this place",
}

// englishAll is every translation of the public site: the labels above and the
// sentences of the forms and legal pages. The kit adds its own (layout, error
// page, the domain's messages) and panics on a text translated twice.
var englishAll = joinTranslations(english, englishForms, englishInquiries, englishSearch, englishAccessibility)

// joinTranslations joins the lists; a German text in two is a mistake that
// would make one translation silently lose, so it panics at start-up.
func joinTranslations(lists ...map[string]string) map[string]string {
	all := map[string]string{}
	for _, l := range lists {
		for de, en := range l {
			if _, dup := all[de]; dup {
				panic("web: German text translated twice: " + de)
			}
			all[de] = en
		}
	}
	return all
}
