package legacy

import (
	"os"
	"strings"
	"testing"
)

// seedPath is the demo city's copy of the seed: the text of a real answer.
const seedPath = "../demo/seed/beantwortung-anfrage-pender-smart-city.txt"

// parseChecked parses text and fails t unless every word is accounted for.
func parseChecked(t testing.TB, text string) *Document {
	t.Helper()
	d := Parse(text)
	if err := CheckWords(text, d); err != nil {
		t.Fatalf("word invariant: %v", err)
	}
	return d
}

func readSeed(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeed(t *testing.T) {
	d := parseChecked(t, readSeed(t))
	if d.PaperType != "Beantwortung einer Anfrage" || d.Inquirer != "Herr Pender" || d.Subject != "Smart City Offensive" ||
		d.InquiryDate != "2023-01-16" || d.InquirerOrganization != "" {
		t.Errorf("title read as type %q, inquirer %q, organization %q, subject %q, date %q",
			d.PaperType, d.Inquirer, d.InquirerOrganization, d.Subject, d.InquiryDate)
	}
	want := Consultation{Organization: "Hauptausschuss", Date: "2023-02-27", Role: "Anhörung"}
	if len(d.Consultations) != 1 || d.Consultations[0] != want {
		t.Errorf("consultations %+v, want [%+v]", d.Consultations, want)
	}
	if len(d.Questions) != 6 {
		t.Fatalf("%d questions, want 6", len(d.Questions))
	}
	// Each question: its number, how its text starts and ends, how its answer starts.
	wants := []struct{ textStart, textEnd, answerStart string }{
		{"Welchen konkreten, messbaren Mehrwert", "Kosten dieser Reise insgesamt?", "Wir verweisen auf den am 16.01.2023"},
		{"Warum wurden die dort gezeigten", "von Norderstedt aus wahrgenommen?", "Wie im Bericht vom 16.01.2023"},
		{"Warum fand zudem von Seiten", "in Norderstedt statt?", "Die Veranstalter des oben genannten Termins"},
		// The second, unnumbered question of no. 4 continues it after the administration's Exkurs.
		{"Hamburg nimmt wiederholt den Spitzenplatz", "im Hamburger Rathauses.)", "Leider hat der Landtagsabgeordnete"},
		{"Entspricht es der Meinung", "der Landespolitik einnimmt?", "Gemäß Artikel 17"},
		{"Bisher sind 21 Digitale Knotenpunkte", "von Norderstedt GO! auch aufzuführen?", "Bereits vor dem Start"},
	}
	for i, w := range wants {
		q := d.Questions[i]
		if q.Number != string(rune('1'+i)) {
			t.Errorf("question %d numbered %q", i+1, q.Number)
		}
		if !strings.HasPrefix(q.Text, w.textStart) || !strings.HasSuffix(q.Text, w.textEnd) {
			t.Errorf("question %d text %q, want %q … %q", i+1, excerpt(q.Text), w.textStart, w.textEnd)
		}
		if !strings.HasPrefix(q.Answer, w.answerStart) {
			t.Errorf("question %d answer %q, want it to start %q", i+1, excerpt(q.Answer), w.answerStart)
		}
	}
	q4 := d.Questions[3]
	if !strings.Contains(q4.Text, "\n\nWarum entspricht es der Auffassung der Verwaltung") {
		t.Errorf("question 4 lacks its second part: %q", q4.Text)
	}
	if !strings.HasPrefix(q4.Explanation, "Exkurs zum Thema Smart City Ranking") || !strings.HasSuffix(q4.Explanation, "positiven Beschluss getroffen hat.") {
		t.Errorf("question 4 explanation %q", excerpt(q4.Explanation))
	}
	if !strings.HasSuffix(d.Questions[5].Answer, "https://www.schleswig-holstein.de/DE/landesregierung/themen/digitalisierung/digitalisierung-zukunftsthema/digitalisierung-zukunftsthema_node.html") {
		t.Errorf("the URL broken across lines is not whole: %q", d.Questions[5].Answer[len(d.Questions[5].Answer)-200:])
	}
	all := strings.Join(d.sourceFields(), "\n")
	for _, debris := range []string{"Rei- seorganisation", "Nor- derstedt", "Reiseorganisation", "Norderstedt", "Smart City-Offensive",
		"Gesamt-Reisekosten", "Organisationsstruktur- und stärke", "Einladungsangebot", "Teilnahme kostensparend"} {
		bad := strings.Contains(debris, "- ") && debris != "Organisationsstruktur- und stärke"
		if strings.Contains(all, debris) == bad {
			t.Errorf("text %q: found = %v", debris, !bad)
		}
	}
	for _, l := range strings.Split(all, "\n") {
		if strings.HasSuffix(l, "-") || strings.HasSuffix(l, " ") {
			t.Errorf("line with hyphenation or space debris at its end: %q", l)
		}
	}
	if len(d.Warnings) != 0 {
		t.Errorf("warnings on the seed: %q", d.Warnings)
	}
}
