package main

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/sqldb"
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

// TestFeedbackListEscapesControls stores hostile messages in a real SQLite data
// folder, one through the store as the website does (the page and the text may
// still hold carriage returns, C1 controls and bidi overrides) and one as an older
// version could have stored it (raw escape sequences), and reads them with
// `ratsinfo feedback list`: nothing may reach the terminal that acts on it, and
// every such character is shown as a visible escape.
func TestFeedbackListEscapesControls(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	path := filepath.Join(dir, "ratsinfo.db")
	db, err := sqldb.Open(ctx, path, sqldb.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	web := &ratsinfo.Feedback{Kind: ratsinfo.FeedbackAccessibility, Lang: "de",
		Page: "/suche\x1b]0;gehackt\x07\x1b[2J",
		Text: "Alles gut.\r  Absender: Bürgermeister <bm@example.org>\nRechnung \u202egnunhceR\u2069 \u009b31m rot\tEnde"}
	if err := db.CreateFeedback(ctx, web); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO feedback (created, kind, name, email, text) VALUES (?, ?, ?, ?, ?)`,
		time.Now().UnixMicro(), ratsinfo.FeedbackAccessibility, "Eve\x1b[1A\x1b[2K", "eve@example.org\n  Sprache:  de",
		"\x1b[31mrot\x1b[0m\x7f \xff\x9b"); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	var out, errOut bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if code := app.Main(ctx, []string{"feedback", "list", "--data-dir", dir, "--log-level", "warn"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	for i, r := range got {
		if r == utf8.RuneError || (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("raw %U at byte %d reaches the terminal:\n%q", r, i, got)
		}
	}
	for _, want := range []string{
		`  Seite:    /suche\x1b]0;gehackt\x07\x1b[2J` + "\n",
		`  | Alles gut.\r  Absender: Bürgermeister <bm@example.org>` + "\n",
		`  | Rechnung \u202egnunhceR\u2069 \u009b31m rot\tEnde` + "\n",
		`  Absender: Eve\x1b[1A\x1b[2K <eve@example.org\n  Sprache:  de>` + "\n",
		`  | \x1b[31mrot\x1b[0m\x7f \xff\x9b` + "\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output misses %q:\n%s", want, got)
		}
	}
	// The forged lines must not stand as lines of their own.
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "  Absender: Bürgermeister") || line == "  Sprache:  de>" {
			t.Errorf("forged line %q", line)
		}
	}
}
