package legacy

import (
	"strings"
	"testing"
)

// TestHyphenation: words split at a line end are joined, real hyphens and
// hyphens inside URLs are kept, in any script.
func TestHyphenation(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Bei der Rei-\nseorganisation", "Bei der Reiseorganisation"},
		{"der Stadt Nor-\n\nderstedt", "der Stadt Norderstedt"},
		{"die Smart City-\nOffensive", "die Smart City-Offensive"},
		{"14 E-\nBikes", "14 E-Bikes"},
		{"die E-\nbikes", "die E-bikes"},
		{"Covid-\n19-Pandemie", "Covid-19-Pandemie"},
		{"Organisationsstruktur-\nund stärke", "Organisationsstruktur- und stärke"},
		{"Bür-\ngerinnen", "Bürgerinnen"},
		{"Über-\nörtliche", "Überörtliche"},
		{"Ελλη-\nνικά", "Ελληνικά"},
		{"Моск-\nва", "Москва"},
		{"die Fach-\n Behörde", "die Fach-Behörde"},
		{"Satz –\nund weiter", "Satz – und weiter"},
		{"unter https://www.example.de/themen/digitalisierung-\nzukunft/seite.html abrufbar", "unter https://www.example.de/themen/digitalisierung-zukunft/seite.html abrufbar"},
		{"unter https://www.example.de/themen/\nzukunft.html", "unter https://www.example.de/themen/zukunft.html"},
		{"Die Rei-\n\n- 2 -\n\nhenfolge", "Die Reihenfolge"},
	}
	for _, c := range cases {
		// A body paragraph without a question becomes Text.
		d := parseChecked(t, "Titel\n\nSachverhalt:\n\n"+c.in+".")
		if got := strings.TrimSuffix(d.Text, "."); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPageFurniture(t *testing.T) {
	footer := "Stadt Musterhausen – Fachbereich 10 – Seite"
	in := "Titel\n\nSachverhalt:\n\nErster Absatz.\n" + footer + " 1\n- 1 -\n\nZweiter Absatz.\n" + footer + " 2\n- 2 -\n\nDritter Absatz.\n" + footer + " 3\nSeite 3 von 3\n"
	d := parseChecked(t, in)
	if d.Text != "Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz." {
		t.Errorf("text %q", d.Text)
	}
	want := []string{footer + " 1", "- 1 -", footer + " 2", "- 2 -", footer + " 3", "Seite 3 von 3"}
	if strings.Join(d.Removed, "|") != strings.Join(want, "|") {
		t.Errorf("removed %q, want %q", d.Removed, want)
	}
}

func TestTitleAndDates(t *testing.T) {
	cases := []struct{ title, inquirer, org, subject, date string }{
		{"Beantwortung der Anfrage von Herrn Pender zum Thema Smart City Offensive vom 16. Januar 2023", "Herr Pender", "", "Smart City Offensive", "2023-01-16"},
		{"Beantwortung der Anfrage von Frau Dr. Meyer (SPD-Fraktion) zu Kita-Plätzen vom 3.4.23", "Frau Dr. Meyer", "SPD-Fraktion", "Kita-Plätzen", "2023-04-03"},
		{"Beantwortung der Anfrage der Fraktion Die Linke betreffend Wohngeld vom 01.12.2022", "", "Fraktion Die Linke", "Wohngeld", "2022-12-01"},
		{"Beantwortung der Kleinen Anfrage des Abgeordneten Schmidt zum Thema Hafen vom 2. März 2021", "Abgeordneter Schmidt", "", "Hafen", "2021-03-02"},
		{"Anfrage von Herrn Kaya und Herrn Berg zum Thema „Parkraum“", "Herr Kaya und Herr Berg", "", "Parkraum", ""},
		{"Beantwortung der Anfrage von Herrn X zum Thema Y vom 31.02.2023", "Herr X", "", "Y", ""},
	}
	for _, c := range cases {
		d := &Document{Title: c.title}
		d.parseTitle()
		if d.Inquirer != c.inquirer || d.InquirerOrganization != c.org || d.Subject != c.subject || d.InquiryDate != c.date {
			t.Errorf("%q: inquirer %q org %q subject %q date %q", c.title, d.Inquirer, d.InquirerOrganization, d.Subject, d.InquiryDate)
		}
	}
}

func TestDecode(t *testing.T) {
	if s, enc := Decode([]byte("\uFEFFStraße")); s != "Straße" || enc != EncodingUTF8 {
		t.Errorf("UTF-8 with BOM: %q %s", s, enc)
	}
	if s, enc := Decode([]byte("Stra\xdfe kostet 5 \x80 \x84Zitat\x93")); s != "Straße kostet 5 € „Zitat“" || enc != EncodingWindows1252 {
		t.Errorf("Windows-1252: %q %s", s, enc)
	}
}
