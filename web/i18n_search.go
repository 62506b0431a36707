package web

// englishSearch translates the search page.
var englishSearch = map[string]string{
	"Suchbegriffe, „genaue Wortgruppe“ oder Vorlagennummer":                                                    "Search terms, \"exact phrase\" or reference number",
	"Die Volltextsuche ist auf diesem Server nicht eingerichtet; gesucht wurde in Titeln und Vorlagennummern.": "Full-text search is not set up on this server; titles and reference numbers were searched.",
	"Bis dahin wird in Titeln und Vorlagennummern gesucht.":                                                    "Until then, titles and reference numbers are searched.",
	"nach Relevanz ordnen": "order by relevance", "neueste zuerst": "newest first", "Meinten Sie": "Did you mean",
	"Treffer filtern": "Filter results", "Jahr": "Year",
	"Nichts gefunden. Versuchen Sie ein anderes Wort, weniger Wörter oder die Vorlagennummer, z. B. A 23/0012.": "Nothing found. Try another word, fewer words or the reference number, e.g. A 23/0012.",
	"Vorlage": "Paper", "Sitzung": "Meeting", "Tagesordnungspunkt": "Agenda item", "Person": "Person",
	"Fragen aus Anfragen": "Questions of inquiries",
}
