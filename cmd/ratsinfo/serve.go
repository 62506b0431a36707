package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	jsonapi "github.com/ratsinfo/ratsinfo/api"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/internal/compress"
	"github.com/ratsinfo/ratsinfo/internal/site"
	"github.com/ratsinfo/ratsinfo/office"
	"github.com/ratsinfo/ratsinfo/oparl"
	"github.com/ratsinfo/ratsinfo/password"
	"github.com/ratsinfo/ratsinfo/pdf"
	"github.com/ratsinfo/ratsinfo/sqldb"
	"github.com/ratsinfo/ratsinfo/web"
)

func (a *App) serve(ctx context.Context, args []string) error {
	var cfg Config
	fs := a.flagSet("serve")
	cfg.serveFlags(fs, a.Getenv)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	if err := cfg.checkServe(); err != nil {
		return err
	}
	log := a.logger(cfg.LogLevel)
	started := time.Now()

	db, blobs, err := openData(ctx, &cfg, cfg.Migrate || cfg.Demo, log)
	if err != nil {
		return err
	}
	defer db.Close()

	if cfg.Demo {
		if err := a.loadDemo(ctx, db, blobs); err != nil {
			return err
		}
	}

	index, searcher, err := openSearch(&cfg, db, log)
	if err != nil {
		return err
	}
	defer followSearch(ctx, index)()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("der Server kann nicht auf %s (--addr) lauschen: %v. Läuft dort schon ein anderes Programm? Bitte einen anderen Port wählen", cfg.Addr, err)
	}
	baseURL := cfg.BaseURL
	if baseURL == "" {
		baseURL = "http://" + ln.Addr().String()
	}

	// After the listener, so that the mails link to the address it got.
	queue, err := newQueue(db, blobs, &queueMails{baseURL: baseURL, reminderDays: cfg.ReminderDays, sender: cfg.mailer()}, log)
	if err != nil {
		ln.Close()
		return err
	}
	if err := queue.Start(ctx); err != nil {
		ln.Close()
		return err
	}
	defer stopQueue(queue, log)

	srv := &http.Server{
		Handler:           site.AccessLog(log, compress.Handler(routes(baseURL, &cfg, db, blobs, searcher, log))),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		// Short, so that a client that does not read frees its connection and
		// its buffered page soon; file downloads extend their own deadline.
		WriteTimeout: cfg.WriteTimeout,
		IdleTimeout:  2 * time.Minute,
		ErrorLog:     slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(limitListen(ln, cfg.MaxConnections)) }()

	log.Info("server ready", "addr", ln.Addr().String(), "base_url", baseURL, "startup", time.Since(started).String())
	fmt.Fprintf(a.Stdout, "Ratsinfo läuft.\n  Website:  %s/\n  OParl:    %s/oparl/v1.1/system\nBeenden mit Strg+C.\n", baseURL, baseURL)
	if a.Ready != nil {
		a.Ready(baseURL)
	}

	select {
	case err := <-errc:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("server shutdown: %w", err)
	}
	fmt.Fprintln(a.Stdout, "Ratsinfo beendet.")
	return nil
}

// routes puts the surfaces on one mux: OParl under /oparl/, the back office
// under /buero/ (its own sessions), the JSON API under /api/v1/ (bearer
// tokens), the website on the rest. The website and OParl pin the anonymous
// viewer, so no cookie or token can change what they show.
func routes(baseURL string, cfg *Config, db *sqldb.DB, blobs *blob.Dir, searcher ratsinfo.Searcher, log *slog.Logger) http.Handler {
	mux := http.NewServeMux()
	// One budget of renders for both surfaces: they share the machine.
	renders := site.NewLimiter(cfg.MaxRenders, 0)
	api := oparl.NewServer(oparl.Config{BaseURL: baseURL, Store: db, Blobs: blobs, Logger: log, License: cfg.License, Renders: renders})
	api.Register(mux)
	state, _ := ratsinfo.ParseState(cfg.State) // checked by cfg.check
	checked, _ := cfg.a11yChecked(time.Now())  // checked by cfg.checkServe
	web.NewServer(web.Config{BaseURL: baseURL, Store: db, Feedback: db, Inquiries: db, Search: searcher, Logger: log, TextDir: cfg.textDir(), Renders: renders,
		State: state, AccessibilityChecked: checked}).Register(mux)
	printer, printerErr := pdf.Find(cfg.Chromium)
	officeCfg := office.Config{BaseURL: baseURL, Store: db, Record: db, Hasher: password.New(), Mail: cfg.mailer(), Logger: log,
		Inquiries: db, Blobs: blobs, PrinterErr: printerErr, State: state}
	if printer != nil {
		officeCfg.Printer = printer
	}
	office.NewServer(officeCfg).Register(mux)
	apiCfg := jsonapi.Config{BaseURL: baseURL, Store: db, Inquiries: db, Blobs: blobs, PrinterErr: printerErr, State: state, Logger: log}
	if printer != nil {
		apiCfg.Printer = printer
	}
	jsonapi.NewServer(apiCfg).Register(mux)
	// CleanPaths answers non-canonical API paths with 301 before ServeMux would
	// answer them with its own 307.
	return api.CleanPaths(mux)
}

// openData opens the database and the blob folder. A SQLite database that does not
// exist yet is created and migrated without asking: that is the first start.
func openData(ctx context.Context, cfg *Config, migrate bool, log *slog.Logger) (*sqldb.DB, *blob.Dir, error) {
	if err := cfg.ensureDataDir(); err != nil {
		return nil, nil, err
	}
	migrate = migrate || cfg.freshSQLite()
	db, err := cfg.openDB(ctx, sqldb.Options{Logger: log, Migrate: migrate})
	if err != nil {
		return nil, nil, err
	}
	if !migrate { // openDB migrated the job tables with the store's schema
		if err := jobSchema(ctx, db, false, log); err != nil {
			db.Close()
			return nil, nil, withSetting(err, cfg.dbSetting())
		}
	}
	blobs, err := blob.NewDir(cfg.blobDir())
	if err != nil {
		db.Close()
		return nil, nil, withSetting(err, "--data-dir", ratsinfo.EINVALID)
	}
	return db, blobs, nil
}

// loadDemo fills an empty database with the demo city and leaves a filled one alone,
// so `serve --demo` can be run again on the same data folder.
func (a *App) loadDemo(ctx context.Context, db *sqldb.DB, blobs *blob.Dir) error {
	sys := ratsinfo.SystemContext(ctx)
	bodies, err := db.FindBodies(sys, ratsinfo.BodyFilter{ListFilter: ratsinfo.ListFilter{Limit: 1, WithDeleted: true}})
	if err != nil {
		return fmt.Errorf("demo: check for existing data: %w", err)
	}
	if len(bodies) > 0 {
		fmt.Fprintln(a.Stdout, "Die Datenbank enthält schon Daten; die Demo-Stadt wird nicht erneut geladen.")
		return nil
	}
	started := time.Now()
	today := ratsinfo.DateOf(time.Now().In(ratsinfo.Berlin()))
	city, err := demo.LoadOn(sys, db, blobs, today)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := demo.LoadInquiries(sys, db, blobs, city); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if _, err := loadSeedAnswer(sys, db, blobs, city); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	line, err := demoSummary(ctx, db, city)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(a.Stdout, "%s (%.1f s).\n", line, time.Since(started).Seconds())
	return nil
}

// demoSummary says what the site shows of the demo city, so that the console's count
// of papers and the site's do not puzzle anyone: the public count is the store's,
// and the difference is named (drafts, withdrawn papers).
func demoSummary(ctx context.Context, db *sqldb.DB, city *demo.City) (string, error) {
	all := ratsinfo.ListFilter{BodyID: city.BodyID}
	total, err := db.Count(ratsinfo.SystemContext(ctx), ratsinfo.KindPaper, all)
	if err != nil {
		return "", fmt.Errorf("count papers: %w", err)
	}
	anon := ratsinfo.WithViewer(ctx, ratsinfo.Viewer{}) // the public
	public, err := db.Count(anon, ratsinfo.KindPaper, all)
	if err != nil {
		return "", fmt.Errorf("count public papers: %w", err)
	}
	line := fmt.Sprintf("Demo-Stadt geladen, Stand %s: %d Vorlagen", city.Day.German(), total)
	if hidden := total - public; hidden > 0 {
		var parts []string
		if city.DraftPapers > 0 {
			parts = append(parts, plural(city.DraftPapers, "Entwurf", "Entwürfe"))
		}
		if city.WithdrawnPapers > 0 {
			parts = append(parts, fmt.Sprintf("%d zurückgezogen", city.WithdrawnPapers))
		}
		if other := hidden - city.DraftPapers - city.WithdrawnPapers; other > 0 {
			parts = append(parts, fmt.Sprintf("%d weitere nichtöffentlich", other))
		}
		line += fmt.Sprintf(", davon %d öffentlich (%s)", public, strings.Join(parts, ", "))
	}
	return line + fmt.Sprintf("; %d Sitzungen, %d Personen, %d Organisationen",
		city.Meetings, city.Persons, city.Organizations), nil
}

// plural writes n with the singular or plural noun: "1 Entwurf", "4 Entwürfe".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
