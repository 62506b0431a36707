package legacy

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: on any input Parse returns, and every word of the input is in a
// field, a label or the removed page furniture.
func FuzzParse(f *testing.F) {
	f.Add(readSeed(f))
	files, _ := filepath.Glob("testdata/*.txt")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{"", "1) a?\n2) b", "Rei-\n\n- 2 -\n\nseorganisation", "a-\n1) b?", "Zu a): x\nZu 2: y",
		"Frage 1: Wie?\nAntwort: So.", "\xff\xfe\x00", "x-\n-\n-y", "1)\n\na)\nb)\nZu b)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Parse(s)
		if err := CheckWords(s, d); err != nil {
			t.Fatalf("word invariant: %v", err)
		}
	})
}
