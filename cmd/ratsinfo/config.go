package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/mail"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// Config is everything the binary reads from flags and the environment. It is built
// only here; packages get what they need as arguments.
type Config struct {
	Addr    string
	DataDir string
	// Database is a PostgreSQL URL or empty for SQLite inside DataDir.
	Database string
	BaseURL  string
	Migrate  bool
	Demo     bool
	LogLevel string
	// License is the URL of the data's licence in OParl; "" = oparl.DefaultLicense.
	License string
	// SMTPURL and MailFrom send the back office's e-mails; without SMTPURL
	// they are written to <data-dir>/mails/.
	SMTPURL  string
	MailFrom string
	// Chromium prints the accessible PDF of published answers; "" = found on PATH.
	Chromium string
	// State is the federal state whose public holidays move deadlines and
	// whose Schlichtungsstelle the accessibility statement names.
	State string
	// A11yChecked is the day of the last accessibility check (yyyy-mm-dd), as
	// the accessibility statement says; "" for none given.
	A11yChecked string
	// MaxConnections caps the open client connections; MaxRenders the pages and
	// API answers built at once (0 = site.DefaultRenders); WriteTimeout is how
	// long a page may take to reach its client (file downloads get longer).
	MaxConnections int
	// ReminderDays: the answering unit is reminded this many days before an
	// inquiry's deadline.
	ReminderDays int
	MaxRenders   int
	WriteTimeout time.Duration
}

// dataFlags adds the flags that every subcommand touching data takes, with their
// RATSINFO_* environment equivalents as defaults.
func (c *Config) dataFlags(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&c.DataDir, "data-dir", envOr(getenv, "RATSINFO_DATA_DIR", "./ratsinfo-data"),
		"Datenordner (SQLite-Datenbank und Dateien) [RATSINFO_DATA_DIR]")
	fs.StringVar(&c.Database, "database", envOr(getenv, "RATSINFO_DATABASE", ""),
		"Datenbank: leer = SQLite im Datenordner, oder postgres://benutzer@host:5432/name [RATSINFO_DATABASE]")
	fs.StringVar(&c.LogLevel, "log-level", envOr(getenv, "RATSINFO_LOG_LEVEL", "info"),
		"Protokollstufe: debug, info, warn, error [RATSINFO_LOG_LEVEL]")
}

// serveFlags adds the flags of `serve`.
func (c *Config) serveFlags(fs *flag.FlagSet, getenv func(string) string) {
	c.dataFlags(fs, getenv)
	fs.StringVar(&c.Addr, "addr", envOr(getenv, "RATSINFO_ADDR", "127.0.0.1:8080"),
		"Adresse, auf der der Server lauscht [RATSINFO_ADDR]")
	fs.StringVar(&c.BaseURL, "base-url", envOr(getenv, "RATSINFO_BASE_URL", ""),
		"öffentliche Basis-URL, aus der alle OParl-IDs gebildet werden; Standard http://<addr> [RATSINFO_BASE_URL]")
	fs.BoolVar(&c.Migrate, "migrate", envBool(getenv, "RATSINFO_MIGRATE"),
		"ein veraltetes Datenbankschema beim Start aktualisieren [RATSINFO_MIGRATE]")
	fs.BoolVar(&c.Demo, "demo", false, "die Demo-Stadt laden, wenn die Datenbank leer ist")
	c.mailFlags(fs, getenv)
	fs.StringVar(&c.License, "license", envOr(getenv, "RATSINFO_LICENSE", ""),
		"URL der Lizenz, unter der die Daten in OParl stehen; Standard Datenlizenz Deutschland – Zero – 2.0 [RATSINFO_LICENSE]")
	fs.StringVar(&c.Chromium, "chromium", envOr(getenv, "RATSINFO_CHROMIUM", ""),
		"Chromium für die barrierefreien PDF-Fassungen veröffentlichter Antworten; leer = im PATH suchen [RATSINFO_CHROMIUM]")
	fs.StringVar(&c.State, "land", envOr(getenv, "RATSINFO_LAND", "SH"),
		"Bundesland (Kürzel wie SH), dessen Feiertage Fristen verschieben und dessen Schlichtungsstelle die Erklärung zur Barrierefreiheit nennt [RATSINFO_LAND]")
	fs.StringVar(&c.A11yChecked, "barrierefreiheit-geprueft", envOr(getenv, "RATSINFO_BARRIEREFREIHEIT_GEPRUEFT", ""),
		"Tag der letzten Prüfung der Barrierefreiheit (JJJJ-MM-TT), den die Erklärung zur Barrierefreiheit nennt [RATSINFO_BARRIEREFREIHEIT_GEPRUEFT]")
	fs.IntVar(&c.ReminderDays, "reminder-days", envInt(getenv, "RATSINFO_REMINDER_DAYS", 3),
		"so viele Tage vor der Frist einer Anfrage erinnert eine E-Mail die beantwortende Stelle [RATSINFO_REMINDER_DAYS]")
	fs.IntVar(&c.MaxConnections, "max-connections", envInt(getenv, "RATSINFO_MAX_CONNECTIONS", 1000),
		"höchstens so viele Verbindungen gleichzeitig; weitere warten, bis eine frei wird [RATSINFO_MAX_CONNECTIONS]")
	fs.IntVar(&c.MaxRenders, "max-renders", envInt(getenv, "RATSINFO_MAX_RENDERS", 0),
		"höchstens so viele Seiten und API-Antworten gleichzeitig erzeugen, darüber 503; 0 = 4 × Prozessorkerne [RATSINFO_MAX_RENDERS]")
	fs.DurationVar(&c.WriteTimeout, "write-timeout", envDuration(getenv, "RATSINFO_WRITE_TIMEOUT", 30*time.Second),
		"so lange darf das Senden einer Seite dauern, z. B. 30s; Datei-Downloads dürfen 1 Stunde dauern [RATSINFO_WRITE_TIMEOUT]")
}

// envInt and envDuration read a number or a duration from the environment; a
// value that does not parse is kept as -1 so that check names the variable.
func envInt(getenv func(string) string, key string, def int) int {
	v := getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	return n
}

func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	v := getenv(key)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return -1
	}
	return d
}

// mailFlags adds the settings of outgoing e-mail (password links).
func (c *Config) mailFlags(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&c.SMTPURL, "smtp-url", envOr(getenv, "RATSINFO_SMTP_URL", ""),
		"SMTP-Server für E-Mails, smtp://benutzer:passwort@host:port; leer = E-Mails als .eml-Dateien in <data-dir>/mails/ [RATSINFO_SMTP_URL]")
	fs.StringVar(&c.MailFrom, "mail-from", envOr(getenv, "RATSINFO_MAIL_FROM", ""),
		"Absenderadresse der E-Mails; Standard ratsinfo@<Host der Basis-URL> [RATSINFO_MAIL_FROM]")
}

// mailer is the sender of the office's e-mails as the settings say (check has
// validated them).
func (c *Config) mailer() ratsinfo.MailSender {
	from := c.MailFrom
	if from == "" {
		from = "ratsinfo@localhost.localdomain"
		if u, err := url.Parse(c.BaseURL); err == nil && strings.Contains(u.Hostname(), ".") && net.ParseIP(u.Hostname()) == nil {
			from = "ratsinfo@" + u.Hostname()
		}
	}
	m, err := mail.New(mail.Config{SMTPURL: c.SMTPURL, From: from, Dir: filepath.Join(c.DataDir, "mails")})
	if err != nil {
		return failingMailer{err}
	}
	return m
}

// failingMailer reports a broken mail setting when a mail is due.
type failingMailer struct{ err error }

func (f failingMailer) Send(context.Context, ratsinfo.Mail) error { return f.err }

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func envBool(getenv func(string) string, key string) bool {
	switch strings.ToLower(getenv(key)) {
	case "1", "true", "ja", "yes":
		return true
	}
	return false
}

// check validates the settings and says in German which one to fix.
func (c *Config) check() error {
	if c.DataDir == "" {
		return fmt.Errorf("--data-dir darf nicht leer sein")
	}
	if c.Database != "" && !isPostgres(c.Database) {
		return fmt.Errorf("--database %q wird nicht verstanden: leer lassen für SQLite im Datenordner oder eine Adresse wie postgres://postgres@127.0.0.1:5432/ratsinfo angeben", c.Database)
	}
	if c.Addr != "" {
		if _, _, err := net.SplitHostPort(c.Addr); err != nil {
			return fmt.Errorf("--addr %q ist keine gültige Adresse; erwartet wird host:port, z. B. 127.0.0.1:8080", c.Addr)
		}
	}
	if c.BaseURL != "" {
		c.BaseURL = strings.TrimRight(c.BaseURL, "/")
		if !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
			return fmt.Errorf("--base-url %q muss mit http:// oder https:// beginnen, z. B. https://ratsinfo.norderstedt.de", c.BaseURL)
		}
	}
	if c.SMTPURL != "" || c.MailFrom != "" {
		if _, ok := c.mailer().(failingMailer); ok {
			return c.mailer().(failingMailer).err
		}
	}
	if _, err := ratsinfo.ParseState(c.State); c.State != "" && err != nil {
		return fmt.Errorf("--land: %s", ratsinfo.ErrorMessage(err))
	}
	if c.License != "" {
		if u, err := url.Parse(c.License); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("--license %q ist keine URL; erwartet wird die Adresse des Lizenztextes, z. B. https://www.govdata.de/dl-de/by-2-0", c.License)
		}
	}
	return nil
}

// checkServe validates the settings only `serve` has.
func (c *Config) checkServe() error {
	if c.ReminderDays < 1 || c.ReminderDays > 60 {
		return fmt.Errorf("--reminder-days (RATSINFO_REMINDER_DAYS) muss eine ganze Zahl von 1 bis 60 sein, z. B. 3")
	}
	if c.MaxConnections < 1 {
		return fmt.Errorf("--max-connections (RATSINFO_MAX_CONNECTIONS) muss eine ganze Zahl ab 1 sein, z. B. 1000")
	}
	if c.MaxRenders < 0 {
		return fmt.Errorf("--max-renders (RATSINFO_MAX_RENDERS) muss eine ganze Zahl ab 0 sein; 0 wählt 4 × Prozessorkerne")
	}
	if c.WriteTimeout <= 0 {
		return fmt.Errorf("--write-timeout (RATSINFO_WRITE_TIMEOUT) muss eine positive Dauer sein, z. B. 30s oder 1m")
	}
	if _, err := c.a11yChecked(time.Now()); err != nil {
		return err
	}
	return nil
}

// a11yChecked is the day of the last accessibility check. A day after today is
// refused: the statement would claim a check that has not happened.
func (c *Config) a11yChecked(now time.Time) (ratsinfo.Date, error) {
	if c.A11yChecked == "" {
		return ratsinfo.Date{}, nil
	}
	d, err := ratsinfo.ParseDate(c.A11yChecked)
	if err != nil {
		return d, fmt.Errorf("--barrierefreiheit-geprueft (RATSINFO_BARRIEREFREIHEIT_GEPRUEFT) %q ist kein Datum; erwartet wird JJJJ-MM-TT, z. B. 2026-11-30", c.A11yChecked)
	}
	if today := ratsinfo.DateOf(now.In(ratsinfo.Berlin())); today.Before(d) {
		return d, fmt.Errorf("--barrierefreiheit-geprueft (RATSINFO_BARRIEREFREIHEIT_GEPRUEFT) %s liegt in der Zukunft; bitte den Tag der letzten durchgeführten Prüfung angeben", d.German())
	}
	return d, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// dsn returns what sqldb.Open takes: the PostgreSQL URL or the SQLite file path.
func (c *Config) dsn() string {
	if c.Database != "" {
		return c.Database
	}
	return filepath.Join(c.DataDir, "ratsinfo.db")
}

// textDir holds each body's own imprint and privacy notice ("" without a data folder).
func (c *Config) textDir() string {
	if c.DataDir == "" {
		return ""
	}
	return filepath.Join(c.DataDir, "texte")
}

// blobDir is where file contents are kept (also with PostgreSQL, for now).
func (c *Config) blobDir() string { return filepath.Join(c.DataDir, "dateien") }

// ensureDataDir creates the data folder and says clearly when it cannot.
func (c *Config) ensureDataDir() error {
	if err := os.MkdirAll(c.DataDir, 0o755); err != nil {
		return fmt.Errorf("der Datenordner %s (--data-dir) kann nicht angelegt werden: %v", c.DataDir, err)
	}
	probe, err := os.CreateTemp(c.DataDir, ".schreibtest-*")
	if err != nil {
		return fmt.Errorf("der Datenordner %s (--data-dir) ist nicht beschreibbar: %v. Bitte Schreibrechte prüfen oder einen anderen Ordner angeben", c.DataDir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}

// freshSQLite reports whether the SQLite database does not exist yet, so that the
// first start can create and migrate it without asking.
func (c *Config) freshSQLite() bool {
	if c.Database != "" {
		return false
	}
	_, err := os.Stat(c.dsn())
	return os.IsNotExist(err)
}

const shutdownTimeout = 10 * time.Second

// withSetting adds to a storage error the setting that moves the storage: sqldb
// and blob report the path and what failed, and only the binary knows its flags.
// Storage that takes no writes (EUNAVAILABLE) is always named, the further codes
// only where the storage alone can cause them (EINVALID when opening: a folder
// that is missing); any other error stays as it is.
func withSetting(err error, setting string, codes ...string) error {
	var e *ratsinfo.Error
	if !errors.As(err, &e) || (e.Code != ratsinfo.EUNAVAILABLE && !slices.Contains(codes, e.Code)) {
		return err
	}
	named := *e
	named.Message = strings.TrimSpace(e.Message) + " (Einstellung: " + setting + ")"
	return &named
}

// dbSetting is the setting that says where the database is.
func (c *Config) dbSetting() string {
	if c.Database != "" {
		return "--database"
	}
	return "--data-dir bzw. --database"
}

// storageSetting is the setting for errors that may come from the database or
// the file folder alike (a full disk during an import).
func (c *Config) storageSetting() string {
	if c.Database != "" {
		return "--data-dir bzw. --database"
	}
	return "--data-dir"
}

// openDB opens the configured database and names the setting in what fails.
// Whenever it migrates the store's schema it migrates the job queue's tables
// too: a database that one command created (`user add` on a fresh data folder)
// must be one that `serve` accepts.
func (c *Config) openDB(ctx context.Context, opt sqldb.Options) (*sqldb.DB, error) {
	db, err := sqldb.Open(ctx, c.dsn(), opt)
	if err != nil {
		return nil, withSetting(err, c.dbSetting(), ratsinfo.EINVALID)
	}
	if opt.Migrate {
		log := opt.Logger
		if log == nil {
			log = slog.New(slog.NewTextHandler(io.Discard, nil))
		}
		if err := jobSchema(ctx, db, true, log); err != nil {
			db.Close()
			return nil, withSetting(err, c.dbSetting())
		}
	}
	return db, nil
}
