// Package office is the back office (Büro) under /buero/: login, password reset,
// the start page of a logged-in account and the administration of accounts. It
// is a second surface on the page kit (internal/site) with its own templates and
// German texts. Sessions live in the database (ratsinfo.AccountStore), so
// several instances share them; every right is decided by the store from the
// viewer this package puts in the context.
package office

import (
	"context"
	"embed"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

//go:embed templates
var templateFS embed.FS

// Config is what the binary hands the office.
type Config struct {
	// BaseURL is the public address; https makes the cookies Secure, and the
	// links in e-mails start with it.
	BaseURL string
	Store   ratsinfo.AccountStore
	// Record names the body of new grants when there is only one.
	Record ratsinfo.RecordReader
	Hasher ratsinfo.PasswordHasher
	Mail   ratsinfo.MailSender
	Logger *slog.Logger
	// Limits end sessions; zero values take the defaults (2 h idle, 12 h in all).
	// Inquiries, Blobs and Printer serve the pages of inquiries (/buero/anfragen);
	// nil Inquiries leaves them out. Without a Printer, publishing answers with
	// PrinterErr.
	Inquiries  InquiryStore
	Blobs      ratsinfo.BlobStore
	Printer    ratsinfo.AnswerPrinter
	PrinterErr error
	State      ratsinfo.State
	Limits     ratsinfo.SessionLimits
	// Throttle limits failed logins; zero values take the defaults.
	Throttle Throttle
	Now      func() time.Time
}

// Throttle is how many failed logins a window allows per account and per
// client address before the login answers 429 with Retry-After.
type Throttle struct {
	Window     time.Duration
	PerAccount int
	PerClient  int
}

// Default limits: a working day's session, a lunch break's idle time; five
// wrong passwords per account and twenty per address in fifteen minutes (an
// office behind one address has several people mistyping).
var (
	DefaultLimits   = ratsinfo.SessionLimits{Idle: 2 * time.Hour, Absolute: 12 * time.Hour}
	DefaultThrottle = Throttle{Window: 15 * time.Minute, PerAccount: 5, PerClient: 20}
)

// Server serves the office's pages.
type Server struct {
	cfg    Config
	site   *site.Site
	secure bool
	log    *slog.Logger
	now    func() time.Time

	dummyOnce sync.Once
	dummy     string
}

// Prefix is where the office lives.
const Prefix = "/buero"

// NewServer parses the templates and fills in defaults.
func NewServer(cfg Config) *Server {
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Limits == (ratsinfo.SessionLimits{}) {
		cfg.Limits = DefaultLimits
	}
	if cfg.Throttle == (Throttle{}) {
		cfg.Throttle = DefaultThrottle
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	tpl, err := fs.Sub(templateFS, "templates")
	if err != nil {
		panic(err)
	}
	s := &Server{cfg: cfg, secure: strings.HasPrefix(cfg.BaseURL, "https://"), log: cfg.Logger, now: cfg.Now}
	s.site = site.New(site.Config{
		BaseURL:   cfg.BaseURL,
		Templates: tpl,
		Partials:  []string{"partials.html"},
		Funcs:     map[string]any{"inc": func(i int) int { return i + 1 }},
		SiteName:  func(context.Context) string { return "Ratsinfo – Büro" },
		ErrorLinks: []site.Link{{Label: "Zur Anmeldung", URL: Prefix + "/anmelden"},
			{Label: "Zur Startseite des Büros", URL: Prefix + "/"}},
		Logger: cfg.Logger,
	})
	return s
}

// Register lists every route of the office. Each goes through the session
// (the viewer), Go's cross-origin protection and the form token check.
func (s *Server) Register(mux *http.ServeMux) {
	routes := []struct {
		pattern string
		fn      site.HandlerFunc
	}{
		{"GET " + Prefix, s.redirectHome},
		{"GET " + Prefix + "/{$}", s.loggedIn(s.homeShow)},
		{"GET " + Prefix + "/anmelden", s.loginShow},
		{"POST " + Prefix + "/anmelden", s.loginSubmit},
		{"POST " + Prefix + "/abmelden", s.logout},
		{"POST " + Prefix + "/ueberall-abmelden", s.loggedIn(s.logoutEverywhere)},
		{"POST " + Prefix + "/sitzungen/{id}/beenden", s.loggedIn(s.sessionEnd)},
		{"GET " + Prefix + "/passwort-vergessen", s.passwordForgotShow},
		{"POST " + Prefix + "/passwort-vergessen", s.passwordForgotSubmit},
		{"GET " + Prefix + "/passwort-setzen", s.passwordSetShow},
		{"POST " + Prefix + "/passwort-setzen", s.passwordSetSubmit},
		{"GET " + Prefix + "/konten", s.loggedIn(s.accountList)},
		{"POST " + Prefix + "/konten", s.loggedIn(s.accountCreate)},
		{"GET " + Prefix + "/konten/{id}", s.loggedIn(s.accountEdit)},
		{"POST " + Prefix + "/konten/{id}", s.loggedIn(s.accountUpdate)},
	}
	if s.cfg.Inquiries != nil {
		routes = append(routes, []struct {
			pattern string
			fn      site.HandlerFunc
		}{
			{"GET " + Prefix + "/anfragen", s.loggedIn(s.inquiryList)},
			{"GET " + Prefix + "/anfragen/neu", s.loggedIn(s.inquiryNew)},
			{"POST " + Prefix + "/anfragen/neu", s.loggedIn(s.inquiryCreate)},
			{"GET " + Prefix + "/anfragen/{id}", s.loggedIn(s.inquiryShow)},
			{"POST " + Prefix + "/anfragen/{id}", s.loggedIn(s.inquiryStep)},
			{"GET " + Prefix + "/fristregeln", s.loggedIn(s.inquiryRuleList)},
			{"POST " + Prefix + "/fristregeln", s.loggedIn(s.inquiryRuleSave)},
		}...)
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(s.site.Handle(func(http.ResponseWriter, *http.Request) error { return errForeignForm() }))
	// Forms with typed content keep it when the session has ended (form_keep.go).
	keep := map[string]bool{"POST " + Prefix + "/anfragen/neu": true, "POST " + Prefix + "/anfragen/{id}": true,
		"POST " + Prefix + "/fristregeln": true, "POST " + Prefix + "/konten": true, "POST " + Prefix + "/konten/{id}": true}
	for _, r := range routes {
		h := s.checkForm(r.fn)
		if keep[r.pattern] {
			h = s.keepIfLoggedOut(h)
		}
		mux.Handle(r.pattern, cop.Handler(s.withSession(s.site.Handle(h))))
	}
}

func (s *Server) redirectHome(w http.ResponseWriter, r *http.Request) error {
	http.Redirect(w, r, Prefix+"/", http.StatusSeeOther)
	return nil
}

func errForeignForm() error {
	return ratsinfo.Errorf(ratsinfo.EFORBIDDEN, "Das Formular kam nicht von dieser Seite oder ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es erneut.")
}

// page is the common part of every office page.
type page struct {
	site.Page
	Account *ratsinfo.Account // nil when nobody is logged in
	CSRF    string
	IsAdmin bool
	// HasInquiries shows the inquiry pages in the menu (an account with a role).
	HasInquiries bool
}

func (s *Server) newPage(r *http.Request, title string) page {
	p := page{Page: s.site.NewPage(r, title, ""), Account: accountFrom(r.Context()), CSRF: csrfToken(r)}
	// The office speaks German only (its staff works in German); the page
	// must not claim another language because a browser prefers one.
	p.Lang = "de"
	p.NoIndex = true
	p.IsAdmin = ratsinfo.CanManageAccounts(r.Context()) == nil && p.Account != nil
	p.HasInquiries = s.cfg.Inquiries != nil && len(ratsinfo.ViewerFrom(r.Context()).Grants) > 0
	return p
}

// render shows a page; office pages are personal, so no cache keeps them.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data site.Data) error {
	w.Header().Set("Cache-Control", "no-store")
	return s.site.Render(w, r, status, name, data)
}

// system is the program acting on behalf of a visitor who is not logged in yet
// (looking up credentials); the store allows credential reads to it only.
func system(r *http.Request) context.Context { return ratsinfo.SystemContext(r.Context()) }
