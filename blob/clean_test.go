package blob

import "testing"

func TestCleanGerman(t *testing.T) {
	for _, c := range []struct {
		name  string
		pages []string
		want  string
	}{
		{"hyphenation with umlaut", []string{"Die Verkehrs-\nführung wird geändert."}, "Die Verkehrsführung wird geändert."},
		{"hyphenation at ß", []string{"Die Stra-\nßenbahn fährt."}, "Die Straßenbahn fährt."},
		{"hyphenation at umlaut start", []string{"Die Schul-\nübergänge"}, "Die Schulübergänge"},
		{"indented continuation", []string{"Bebauungs-\n   plan Nr. 4"}, "Bebauungsplan Nr. 4"},
		{"real hyphen before upper case", []string{"Die Smart City-\nOffensive beginnt."}, "Die Smart City-Offensive beginnt."},
		{"E-Bike", []string{"ein E-\nBike"}, "ein E-Bike"},
		{"upper-case umlaut", []string{"Bürger-\nÄnderungen"}, "Bürger-Änderungen"},
		{"suspended compound", []string{"Hoch-\nund Tiefbau"}, "Hoch-\nund Tiefbau"},
		{"dash after a number stays", []string{"Kosten 100-\n200 €"}, "Kosten 100-\n200 €"},
		{"two breaks in a row", []string{"Digitali-\nsierungs-\nstrategie"}, "Digitalisierungsstrategie"},
		{"ligatures", []string{"Straßenﬂäche, Eﬃzienz, Auﬀahrt, ﬁnanziell"}, "Straßenfläche, Effizienz, Auffahrt, finanziell"},
		{"soft hyphen", []string{"Haus\u00adhalt"}, "Haushalt"},
		{"page numbers", []string{"Text eins\n\nSeite 1 von 2", "- 2 -\nText zwei\n2/2"}, "Text eins\n\nText zwei"},
		{"running header and footer", []string{
			"Stadt Norderstedt – Drucksache A 23/0012\nErster Absatz.\nSeite 1",
			"Stadt Norderstedt – Drucksache A 23/0012\nZweiter Absatz.\nSeite 2",
			"Stadt Norderstedt – Drucksache A 23/0012\nDritter Absatz.\nSeite 3",
		}, "Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz."},
		{"header with page number inside", []string{
			"Vorlage B 23/0042, Blatt 1\nEins", "Vorlage B 23/0042, Blatt 2\nZwei", "Vorlage B 23/0042, Blatt 3\nDrei",
		}, "Eins\n\nZwei\n\nDrei"},
		{"a line repeated on two pages only is text", []string{"Antwort:\nJa.", "Antwort:\nNein."}, "Antwort:\nJa.\n\nAntwort:\nNein."},
		{"blank runs collapse", []string{"a\n\n\n\nb\r\nc"}, "a\n\nb\nc"},
	} {
		if got := CleanGerman(c.pages); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
