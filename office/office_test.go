package office_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/internal/mailtest"
	"github.com/ratsinfo/ratsinfo/internal/pgtest"
	"github.com/ratsinfo/ratsinfo/internal/testenv"
	"github.com/ratsinfo/ratsinfo/mail"
	"github.com/ratsinfo/ratsinfo/office"
	"github.com/ratsinfo/ratsinfo/password"
	"github.com/ratsinfo/ratsinfo/pdf"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }

// clock is the store's and the office's clock, moved by the test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a running office on a real database.
type env struct {
	db    *sqldb.DB
	blobs *blob.Dir
	srv   *httptest.Server
	clock *clock
	mails func(t *testing.T) []string // the texts of the mails sent so far, newest first
}

// backends runs fn with the office on a SQLite file and on PostgreSQL.
func backends(t *testing.T, fn func(t *testing.T, e *env)) {
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dsn := filepath.Join(t.TempDir(), "ratsinfo.db")
			if name == "postgres" {
				dsn = pgtest.DSN(t)
			}
			fn(t, start(t, dsn, nil))
		})
	}
}

// start runs the office with mails into a folder, or into Mailpit when mp is set.
func start(t *testing.T, dsn string, mp *mailtest.Server) *env {
	c := &clock{t: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}
	db, err := sqldb.Open(context.Background(), dsn, sqldb.Options{Migrate: true, Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := &env{db: db, clock: c}
	cfg := mail.Config{From: "ratsinfo@norderstedt.de", Dir: filepath.Join(t.TempDir(), "mails")}
	if mp != nil {
		cfg.SMTPURL = mp.SMTPURL
		e.mails = func(t *testing.T) []string {
			var out []string
			for _, m := range mp.Messages(t) {
				out = append(out, m.Subject+"\n"+m.Text)
			}
			return out
		}
	} else {
		e.mails = func(t *testing.T) []string { return readFolder(t, cfg.Dir) }
	}
	sender, err := mail.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewUnstartedServer(nil)
	mux := http.NewServeMux()
	// A cheap hasher keeps the test fast; the parameters are the production
	// code's business (package password's test).
	hasher := password.Hasher{P: password.Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}}
	e.srv.Start()
	t.Cleanup(e.srv.Close)
	blobs, err := blob.NewDir(filepath.Join(t.TempDir(), "dateien"))
	if err != nil {
		t.Fatal(err)
	}
	e.blobs = blobs
	cfg2 := office.Config{BaseURL: e.srv.URL, Store: db, Record: db, Hasher: hasher, Mail: sender, Now: c.Now,
		Inquiries: db, Blobs: blobs, PrinterErr: ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Für die PDF-Fassung fehlt Chromium.")}
	if bin := os.Getenv("RATSINFO_TEST_CHROMIUM"); bin != "" {
		printer, err := pdf.Find(bin)
		if err != nil {
			t.Fatal(err)
		}
		cfg2.Printer = printer
	}
	office.NewServer(cfg2).Register(mux)
	e.srv.Config.Handler = mux
	return e
}

func readFolder(t *testing.T, dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	var out []string
	for i := len(files) - 1; i >= 0; i-- {
		b, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatal(err)
		}
		// Quoted-printable soft breaks and the umlauts, as a mail program shows them.
		s := strings.ReplaceAll(string(b), "=\r\n", "")
		s = strings.NewReplacer("=3D", "=", "=C3=BC", "ü", "=C3=B6", "ö", "=C3=A4", "ä").Replace(s)
		out = append(out, s)
	}
	return out
}

// browser is one visitor with its own cookies.
type browser struct {
	t      *testing.T
	c      *http.Client
	base   string
	origin string // sent as Origin on POST, as browsers do
}

func (e *env) browser(t *testing.T) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: e.srv.URL, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type page struct {
	status int
	body   string
	header http.Header
}

func (b *browser) get(path string) page {
	b.t.Helper()
	req, _ := http.NewRequest("GET", b.base+path, nil)
	// An English-speaking browser: the office answers in German all the same.
	req.Header.Set("Accept-Language", "en-GB,en;q=0.9")
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	return read(b.t, res)
}

func read(t *testing.T, res *http.Response) page {
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return page{res.StatusCode, string(body), res.Header}
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([0-9a-f]*)"`)

// submit loads the form page, takes its form token and posts form to action.
func (b *browser) submit(formPage, action string, form url.Values) page {
	b.t.Helper()
	p := b.get(formPage)
	m := csrfRe.FindStringSubmatch(p.body)
	if m == nil {
		b.t.Fatalf("%s has no form token (status %d):\n%s", formPage, p.status, p.body)
	}
	form.Set("csrf", m[1])
	return b.post(action, form)
}

func (b *browser) post(action string, form url.Values) page {
	b.t.Helper()
	req, _ := http.NewRequest("POST", b.base+action, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if b.origin != "" {
		req.Header.Set("Origin", b.origin)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	return read(b.t, res)
}

func (b *browser) login(email, pw string) page {
	b.t.Helper()
	return b.submit("/buero/anmelden", "/buero/anmelden", url.Values{"email": {email}, "password": {pw}})
}

func wantStatus(t *testing.T, p page, status int, contains ...string) {
	t.Helper()
	if p.status != status {
		t.Fatalf("status %d, want %d:\n%s", p.status, status, p.body)
	}
	for _, s := range contains {
		if !strings.Contains(p.body, s) && !strings.Contains(p.header.Get("Location"), s) {
			t.Fatalf("answer lacks %q (Location %q):\n%s", s, p.header.Get("Location"), p.body)
		}
	}
}

var linkRe = regexp.MustCompile(`/buero/passwort-setzen\?token=[A-Za-z0-9_-]{43}`)

// newAccount creates an account as the program and sets its password through
// the link, as `ratsinfo user add` and its user would.
func (e *env) newAccount(t *testing.T, email string, pw string, grants ...ratsinfo.Grant) *ratsinfo.Account {
	sys := ratsinfo.SystemContext(context.Background())
	a := &ratsinfo.Account{Email: email, Name: "Konto " + email, Grants: grants}
	if err := e.db.CreateAccount(sys, a); err != nil {
		t.Fatal(err)
	}
	link, err := office.CreatePasswordLink(sys, e.db, e.srv.URL, a.ID, e.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	b := e.browser(t)
	path := strings.TrimPrefix(link, e.srv.URL)
	wantStatus(t, b.submit(path, "/buero/passwort-setzen", url.Values{"token": {tokenOf(path)}, "password": {pw}, "password2": {pw}}),
		http.StatusSeeOther, "/buero/anmelden?gesetzt")
	return a
}

func tokenOf(path string) string { u, _ := url.Parse(path); return u.Query().Get("token") }

const pw = "Stadtvertretung 2026!"

var adminGrant = ratsinfo.Grant{Role: ratsinfo.GrantAdmin, BodyID: 1}
