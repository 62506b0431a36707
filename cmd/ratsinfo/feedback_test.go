package main

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestFeedbackReachesTheOffice posts both forms to the real server and reads them
// back with `ratsinfo feedback list`, after a restart: what a citizen sends is on disk.
func TestFeedbackReachesTheOffice(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, "--demo", "--data-dir", dir)
	post := func(path string, form url.Values) {
		t.Helper()
		res, err := http.PostForm(srv.baseURL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("POST %s: %d", path, res.StatusCode)
		}
	}
	post("/barrierefreiheit", url.Values{"text": {"Die Tabelle der Beratungsfolge\nist mit dem Screenreader schwer lesbar."},
		"name": {"Erika Muster"}, "email": {"erika@example.org"}})
	// The demo's files are numbered from 1; the first is public.
	post("/dateien/1/melden", url.Values{"grund": {"personenbezogen"}, "text": {"Seite 2 nennt meine Adresse."}})
	if code := srv.stop(); code != 0 {
		t.Fatalf("serve exited with %d", code)
	}

	run := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		code := app.Main(context.Background(), append([]string{"feedback", "list", "--data-dir", dir, "--log-level", "warn"}, args...))
		return code, out.String(), errOut.String()
	}
	code, out, errOut := run()
	for _, want := range []string{"Feedback zur Barrierefreiheit", "Erika Muster <erika@example.org>", "  | ist mit dem Screenreader schwer lesbar.",
		"Meldung zu Datei 1 (/dateien/1), personenbezogene Daten", "– (anonym, keine Antwort möglich)", "2 Rückmeldung(en)."} {
		if !strings.Contains(out, want) {
			t.Errorf("feedback list misses %q:\n%s", want, out)
		}
	}
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if strings.Index(out, "Meldung zu Datei") > strings.Index(out, "Barrierefreiheit") {
		t.Error("not newest first")
	}
	if _, out, _ := run("--art", "datei"); strings.Contains(out, "Barrierefreiheit") || !strings.Contains(out, "1 Rückmeldung(en).") {
		t.Errorf("--art datei:\n%s", out)
	}
	if _, out, _ := run("--seit", "2999-01-01"); !strings.Contains(out, "Keine Rückmeldungen.") {
		t.Errorf("--seit:\n%s", out)
	}
	for _, bad := range [][]string{{"--art", "spam"}, {"--seit", "gestern"}} {
		if code, _, errOut := run(bad...); code != 1 || !strings.Contains(errOut, bad[0]) {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}
	var errOut2 bytes.Buffer
	app := &App{Stdout: &bytes.Buffer{}, Stderr: &errOut2, Getenv: func(string) string { return "" }}
	if code := app.Main(context.Background(), []string{"feedback"}); code != 2 || !strings.Contains(errOut2.String(), "feedback list") {
		t.Errorf("feedback without list: exit %d, %q", code, errOut2.String())
	}
}
