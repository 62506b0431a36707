package testenv

import (
	"slices"
	"testing"
)

func TestGoTestPatterns(t *testing.T) {
	cases := []struct {
		args []string
		want []string
		ok   bool
	}{
		{[]string{"/usr/local/go/bin/go", "test", "./..."}, []string{"./..."}, true},
		{[]string{"go", "test", "-count=1", "-run", "Browser", "-v", "./web/", "./sqldb"}, []string{"./web/", "./sqldb"}, true},
		{[]string{"go", "test", "-timeout", "20m", "./...", "-args", "-x", "y"}, []string{"./..."}, true},
		{[]string{"go", "test"}, nil, true}, // the package in the current folder
		{[]string{"go", "vet", "./..."}, nil, false},
		{[]string{"/tmp/web.test", "-test.v"}, nil, false},
	}
	for _, tc := range cases {
		got, ok := goTestPatterns(tc.args)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("goTestPatterns(%q) = %q, %v; want %q, %v", tc.args, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSummary(t *testing.T) {
	if got := summary(nil); got != "testenv: keine Test-Suite übersprungen." {
		t.Errorf("summary(nil) = %q", got)
	}
	got := summary(map[string]bool{"PostgreSQL-Tests (RATSINFO_TEST_POSTGRES setzen)": true, "Drucktest (poppler-utils installieren)": true})
	want := "testenv: übersprungen: Drucktest (poppler-utils installieren); PostgreSQL-Tests (RATSINFO_TEST_POSTGRES setzen). Siehe README, Abschnitt Tests."
	if got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}
