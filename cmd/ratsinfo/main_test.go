package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/oparl"
	"github.com/ratsinfo/ratsinfo/oparl/validate"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// syncBuffer is an io.Writer that the server goroutine and the test share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type running struct {
	baseURL string
	stdout  *syncBuffer
	stderr  *syncBuffer // the server's log
	stop    func() int
}

// startServer runs the real `ratsinfo serve` in-process on port 0 and waits until it
// accepts connections.
func startServer(t testing.TB, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &syncBuffer{}, &syncBuffer{}
	ready := make(chan string, 1)
	app := &App{Stdout: out, Stderr: errOut, Getenv: func(string) string { return "" },
		Ready: func(u string) { ready <- u }}
	done := make(chan int, 1)
	go func() {
		done <- app.Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--log-level", "warn"}, args...))
	}()
	select {
	case u := <-ready:
		r := &running{baseURL: u, stdout: out, stderr: errOut}
		var once sync.Once
		code := 0
		r.stop = func() int {
			once.Do(func() { cancel(); code = <-done })
			return code
		}
		t.Cleanup(func() { r.stop() })
		return r
	case code := <-done:
		cancel()
		t.Fatalf("serve exited with %d:\n%s\n%s", code, out.String(), errOut.String())
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatalf("serve did not become ready:\n%s", errOut.String())
	}
	return nil
}

func TestServeDemoCrawlAndValidate(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, "--demo", "--data-dir", dir)
	out := srv.stdout.String()
	for _, want := range []string{"Demo-Stadt geladen", srv.baseURL + "/oparl/v1.1/system", srv.baseURL + "/"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve output lacks %q:\n%s", want, out)
		}
	}
	resp, err := http.Get(srv.baseURL + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz: %v %v", err, resp)
	}
	resp.Body.Close()

	ctx := context.Background()
	systemURL := srv.baseURL + "/oparl/v1.1/system"
	c := newCrawler(systemURL)
	if err := c.run(ctx, systemURL, 4); err != nil {
		t.Fatalf("crawl: %v", err)
	}
	for _, p := range c.problems {
		t.Error(p)
	}
	counts := map[string]int{}
	for _, o := range c.objects {
		counts[kindOf(o)]++
	}
	t.Logf("crawled %d objects on %d list pages: %v", len(c.objects), c.pages, counts)
	for _, kind := range []string{"System", "Body", "LegislativeTerm", "Organization", "Person", "Membership",
		"Meeting", "AgendaItem", "Paper", "Consultation", "File", "Location"} {
		if counts[kind] == 0 {
			t.Errorf("the crawl reached no %s", kind)
		}
	}
	if counts["Paper"] < 1000 || counts["Meeting"] < 200 {
		t.Errorf("demo city too small: %v", counts)
	}
	checkDemoLine(t, out, c.objects)

	assertNoSecrets(t, filepath.Join(dir, "ratsinfo.db"), c.bodies)

	report, err := validate.Run(ctx, systemURL, validate.Options{Concurrency: 4})
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	if report.Errors() > 0 {
		var buf bytes.Buffer
		report.WriteText(&buf)
		t.Errorf("the validator finds violations in our own demo server:\n%s", buf.String())
	}
}

// assertNoSecrets reads, as staff, what the public must never see and checks that
// none of it appears in anything the anonymous crawl received.
func assertNoSecrets(t *testing.T, dbPath string, bodies map[string]string) {
	t.Helper()
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, dbPath, sqldb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	public := map[string]bool{} // names that public objects also carry
	secrets := map[string]string{}
	items, err := db.FindAgendaItems(ctx, ratsinfo.AgendaItemFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range items {
		if a.Public {
			public[a.Name], public[a.Result] = true, true
			continue
		}
		secrets[a.Name] = "non-public agenda item"
		secrets[a.ResolutionText] = "non-public resolution"
	}
	papers, err := db.FindPapers(ctx, ratsinfo.PaperFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range papers {
		if p.Published {
			public[p.Name] = true
		} else {
			secrets[p.Name] = "unpublished paper"
		}
	}
	checked := 0
	for secret, what := range secrets {
		if len(secret) < 12 || public[secret] {
			continue // too short or shared with a public object to prove anything
		}
		checked++
		needle := jsonEscape(secret)
		for u, body := range bodies {
			if strings.Contains(body, needle) {
				t.Errorf("%s %q leaked to the public in %s", what, secret, u)
				break
			}
		}
	}
	if checked == 0 {
		t.Fatal("the demo city has no non-public content to check for leaks")
	}
	t.Logf("checked %d non-public texts against %d responses", checked, len(bodies))
}

func jsonEscape(s string) string {
	var b bytes.Buffer
	enc := jsonEncoder(&b)
	enc.Encode(s)
	out := strings.TrimSpace(b.String())
	return strings.Trim(out, `"`)
}

func TestRestartKeepsDataAndSkipsDemo(t *testing.T) {
	dir := t.TempDir()
	first := startServer(t, "--demo", "--data-dir", dir)
	if lic := licenseOf(t, first.baseURL+"/oparl/v1.1/body/1"); lic != oparl.DefaultLicense {
		t.Errorf("body licence %q, want the default %q", lic, oparl.DefaultLicense)
	}
	if code := first.stop(); code != 0 {
		t.Fatalf("first serve exited with %d", code)
	}
	// The second start names its own licence, which System and Body then carry.
	const own = "https://www.govdata.de/dl-de/by-2-0"
	second := startServer(t, "--demo", "--data-dir", dir, "--license", own)
	if !strings.Contains(second.stdout.String(), "nicht erneut geladen") {
		t.Errorf("second start reloaded the demo:\n%s", second.stdout.String())
	}
	for _, u := range []string{"/oparl/v1.1/system", "/oparl/v1.1/body/1"} {
		if lic := licenseOf(t, second.baseURL+u); lic != own {
			t.Errorf("%s: licence %q, want %q", u, lic, own)
		}
	}
}

// licenseOf fetches an OParl object and returns its license.
func licenseOf(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %v %v", u, err, resp)
	}
	defer resp.Body.Close()
	var obj struct{ License string }
	if err := json.NewDecoder(resp.Body).Decode(&obj); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return obj.License
}

func TestCommandErrorsAreGerman(t *testing.T) {
	ro := filepath.Join(t.TempDir(), "datei")
	if err := os.WriteFile(ro, []byte("kein Ordner"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A database path that is a folder: sqldb names the path, the binary the flag.
	dbDir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dbDir, "ratsinfo.db"), 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"migrate", "--data-dir", dbDir}, 1, filepath.Join(dbDir, "ratsinfo.db") + " kann nicht geschrieben werden"},
		{[]string{"migrate", "--data-dir", dbDir}, 1, "(Einstellung: --data-dir bzw. --database)"},
		{[]string{"migrate", "--database", "postgres://ratsinfo@127.0.0.1:1/fehlt?connect_timeout=2"}, 1, "(Einstellung: --database)"},
		{[]string{"gibtsnicht"}, 2, "Unbekannter Befehl"},
		{[]string{"serve", "--addr", "kaputt"}, 1, "--addr"},
		{[]string{"serve", "--database", "mysql://x"}, 1, "--database"},
		{[]string{"serve", "--base-url", "ftp://x"}, 1, "--base-url"},
		{[]string{"serve", "--license", "dl-de/by"}, 1, "--license"},
		{[]string{"migrate", "--data-dir", ro}, 1, "--data-dir"},
		{[]string{"generate", "--papers", "0", "--data-dir", t.TempDir()}, 1, "--papers"},
		{[]string{"oparl", "validate", "keine-url"}, 1, "keine gültige URL"},
	}
	for _, tc := range cases {
		var out, errOut bytes.Buffer
		app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		code := app.Main(context.Background(), tc.args)
		if code != tc.code || !strings.Contains(errOut.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut.String(), tc.code, tc.want)
		}
		if strings.Contains(errOut.String(), "goroutine") || strings.Contains(errOut.String(), "panic") {
			t.Errorf("%v: stack trace shown: %s", tc.args, errOut.String())
		}
	}
}

func TestMigrateAndEnvironment(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	env := map[string]string{"RATSINFO_DATA_DIR": dir}
	app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }}
	if code := app.Main(context.Background(), []string{"migrate"}); code != 0 {
		t.Fatalf("migrate: %d %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "aktuell") {
		t.Errorf("migrate output: %q", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "ratsinfo.db")); err != nil {
		t.Errorf("RATSINFO_DATA_DIR not used: %v", err)
	}
}

// checkDemoLine checks that the console line on start says what the site shows: the
// day the city lives in (today), all papers, and of them the public ones, as many as
// the OParl crawl found live, with the difference named.
func checkDemoLine(t *testing.T, out string, objects map[string]map[string]any) {
	t.Helper()
	m := regexp.MustCompile(`Demo-Stadt geladen, Stand (\d\d\.\d\d\.\d{4}): (\d+) Vorlagen, davon (\d+) öffentlich \((\d+) Entwürfe, (\d+) zurückgezogen\); \d+ Sitzungen`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no demo line of the expected form in:\n%s", out)
	}
	now := time.Now().In(ratsinfo.Berlin())
	if today, yesterday := ratsinfo.DateOf(now).German(), ratsinfo.DateOf(now.AddDate(0, 0, -1)).German(); m[1] != today && m[1] != yesterday {
		t.Errorf("demo line says Stand %s, today is %s", m[1], today)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	total, public, drafts, withdrawn := n(m[2]), n(m[3]), n(m[4]), n(m[5])
	if total != public+drafts+withdrawn || drafts == 0 || withdrawn == 0 {
		t.Errorf("demo line: %d papers ≠ %d public + %d drafts + %d withdrawn", total, public, drafts, withdrawn)
	}
	live := 0
	for _, o := range objects {
		if deleted, _ := o["deleted"].(bool); kindOf(o) == "Paper" && !deleted {
			live++
		}
	}
	if live != public {
		t.Errorf("demo line says %d public papers, the OParl API serves %d", public, live)
	}
}
