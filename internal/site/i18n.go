package site

// english translates the kit's own texts: the layout, the error page and the
// formatting. German is the source: a text missing here shows in German, which
// is better than a key or an empty space.
var english = mergeTranslations(map[string]string{
	"Zum Inhalt springen": "Skip to content", "Brotkrumennavigation": "Breadcrumbs", "Start": "Home",
	"Termin offen": "Date to be fixed", "Zur Startseite": "Home page",
	"Seite nicht gefunden": "Page not found", "Ein Fehler ist aufgetreten": "An error occurred",
	"Vorübergehend nicht verfügbar": "Temporarily unavailable", "Fehlercode": "Error code",
	"Die Anfrage konnte nicht bearbeitet werden":                                                        "The request could not be processed",
	"Diese Seite gibt es nicht oder nicht mehr. Vielleicht hilft die Suche oder die Startseite weiter.": "This page does not exist (any more). The search or the home page may help.",
	"Der Server ist gerade ausgelastet. Bitte versuchen Sie es in einem Moment erneut.":                 "The server is busy just now. Please try again in a moment.",
}, domainEnglish)

// mergeTranslations joins translation lists. A German text in two lists is a
// mistake that would make one of the translations silently lose, so it panics
// at start-up, where every test sees it.
func mergeTranslations(lists ...map[string]string) map[string]string {
	all := map[string]string{}
	for _, l := range lists {
		for de, en := range l {
			if _, dup := all[de]; dup {
				panic("site: German text translated twice: " + de)
			}
			all[de] = en
		}
	}
	return all
}
