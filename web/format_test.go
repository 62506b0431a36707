package web

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	in := "Sachverhalt: \n\n1) Welchen Mehrwert erbrachte die Reise der Oberbürgermeisterin \n\nRoeder nach Barcelona? Welche Kennt-\nnisse für das Pro-\njekt? \n\nWir verweisen auf den Bericht. \n2) Warum wurden die Teil-\n\nnahme nicht kostensparend wahrgenommen? \n Die Veranstalter waren andere. \n\nSmart-\nCity bleibt."
	want := []string{
		"Sachverhalt:",
		"1) Welchen Mehrwert erbrachte die Reise der Oberbürgermeisterin Roeder nach Barcelona? Welche Kenntnisse für das Projekt?",
		"Wir verweisen auf den Bericht.",
		"2) Warum wurden die Teilnahme nicht kostensparend wahrgenommen?",
		"Die Veranstalter waren andere.",
		"Smart-City bleibt.",
	}
	if got := paragraphs(in); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
}
