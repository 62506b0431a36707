package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestA11yCheckedSetting: serve passes the day of the last accessibility check
// and the state to the statement, and refuses a day that is no date or lies
// in the future.
func TestA11yCheckedSetting(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{"30.11.2026", "ist kein Datum; erwartet wird JJJJ-MM-TT"},
		{time.Now().AddDate(0, 0, 3).Format("2006-01-02"), "liegt in der Zukunft"},
	} {
		code, _, errOut := run(t, "serve", "--data-dir", t.TempDir(), "--barrierefreiheit-geprueft", c.value)
		if code == 0 || !strings.Contains(errOut, "--barrierefreiheit-geprueft (RATSINFO_BARRIEREFREIHEIT_GEPRUEFT)") || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, %q", c.value, code, errOut)
		}
	}
	srv := startServer(t, "--data-dir", t.TempDir(), "--barrierefreiheit-geprueft", "2026-02-27", "--land", "SH")
	res, err := http.Get(srv.baseURL + "/barrierefreiheit")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	for _, want := range []string{`<time datetime="2026-02-27">27.02.2026</time>`, "Schlichtungsstelle bei der Landesbeauftragten für Menschen mit Behinderungen Schleswig-Holstein"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("statement lacks %q", want)
		}
	}
}
