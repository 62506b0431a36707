package mirror_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

var sys = ratsinfo.SystemContext(context.Background())

// fileOf returns the stored file of a source URL.
func fileOf(t *testing.T, db *sqldb.DB, u string) *ratsinfo.File {
	t.Helper()
	r, err := db.FindBySource(sys, u)
	if err != nil {
		t.Fatalf("%s nicht übernommen: %v", u, err)
	}
	return must(db.FindFileByID(sys, r.ID))
}

// TestInternalAddresses (issue 9 item 1): file links and next links to a second
// loopback origin, directly or by a redirect of the allowed origin, and to the
// metadata address are never fetched, and the report does not tell open ports
// from closed ones. With --allow-origin the second origin is fetched.
func TestInternalAddresses(t *testing.T) {
	inner := startUpstream(t) // a service inside the network, on another port
	inner.extra["/geheim"] = pdf
	inner.extra["/seite2"] = func(w http.ResponseWriter, r *http.Request) {
		writeJSONAt(w, 200, map[string]any{"data": []any{}, "links": map[string]any{}})
	}
	u := startUpstream(t)
	u.extra["/umleitung"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.url("/geheim"), http.StatusFound)
	}
	u.addPaper("/paper/1", nil, u.file("/file/1", inner.url("/geheim")))
	u.addPaper("/paper/2", nil, u.file("/file/2", u.url("/umleitung")))
	u.addPaper("/paper/3", nil, u.file("/file/3", "http://169.254.169.254/latest/meta-data/"))
	u.addPaper("/paper/4", nil, u.file("/file/4", "http://127.0.0.1:1/zu"))
	u.next = inner.url("/seite2")

	db, blobs := open(t)
	rep := importInto(t, db, blobs, u.system(), fastRetries)
	if n := inner.hit("/geheim") + inner.hit("/seite2"); n != 0 {
		t.Errorf("interner Dienst %d-mal abgerufen", n)
	}
	for _, f := range []string{"/file/1", "/file/2", "/file/3", "/file/4"} {
		if fl := fileOf(t, db, u.url(f)); fl.BlobKey != "" {
			t.Errorf("%s: Inhalt einer internen Adresse gespeichert", f)
		}
	}
	if rep.Repairs["address-refused"] < 5 || rep.Repairs["file-download-failed"] != 0 || rep.Repairs["retry-network"] != 0 {
		t.Errorf("Zählung: %v", rep.Repairs)
	}
	if !contains(rep.Failures, "Adresse nicht erlaubt") {
		t.Errorf("next-Link ins interne Netz nicht als verweigert gemeldet: %v", rep.Failures)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if s := text.String(); strings.Contains(s, "connection refused") || strings.Contains(s, "connect:") {
		t.Errorf("Bericht verrät Portzustände:\n%s", s)
	}

	// The operator allows the second origin: now it is fetched.
	db2, blobs2 := open(t)
	opt := fastRetries
	opt.AllowOrigins = []string{inner.url("/")}
	importInto(t, db2, blobs2, u.system(), opt)
	if fl := fileOf(t, db2, u.url("/file/1")); fl.BlobKey == "" || inner.hit("/geheim") == 0 {
		t.Error("erlaubter Ursprung nicht abgerufen")
	}
}

// TestControlCharactersAndLimits (items 2 and 6): a NUL in a title and in a
// file's text, a title of 200 kB, and one paper the database itself refuses
// (a trigger): the first three are repaired and counted, the last is skipped and
// reported, and the page with the others is written, on both databases, on the
// first run and on a rerun.
func TestControlCharactersAndLimits(t *testing.T) {
	backendsDSN(t, func(t *testing.T, db *sqldb.DB, blobs *blob.Dir, refuse func(name string)) {
		u := startUpstream(t)
		u.extra["/files/1"] = pdf
		f := u.file("/file/1", u.url("/files/1"))
		f["text"] = "Seite 1\u0000Seite 2"
		u.addPaper("/paper/1", map[string]any{"name": "Haus\u0000halt 2024"}, f)
		u.addPaper("/paper/2", map[string]any{"name": strings.Repeat("Riesentitel ", 200_000/12)})
		u.addPaper("/paper/3", map[string]any{"name": "Unspeicherbar"})
		u.addPaper("/paper/4", map[string]any{"name": "Normal"})
		refuse("Unspeicherbar")
		for run := range 2 {
			rep := importInto(t, db, blobs, u.system(), fastRetries)
			if len(rep.Failures) > 0 {
				t.Fatalf("Lauf %d: %v", run, rep.Failures)
			}
			if run == 0 && (rep.Repairs["control-character"] < 2 || rep.Repairs["text-truncated"] < 1 || len(rep.Skipped) != 1) {
				t.Errorf("Zählung: Reparaturen %v, übersprungen %v", rep.Repairs, rep.Skipped)
			}
		}
		paper := func(p string) *ratsinfo.Paper {
			r, err := db.FindBySource(sys, u.url(p))
			if err != nil {
				t.Fatalf("%s nicht übernommen: %v", p, err)
			}
			return must(db.FindPaperByID(sys, r.ID))
		}
		if p := paper("/paper/1"); p.Name != "Haushalt 2024" {
			t.Errorf("Titel %q", p.Name)
		}
		if fl := fileOf(t, db, u.url("/file/1")); fl.Text != "Seite 1Seite 2" {
			t.Errorf("Dateitext %q", fl.Text)
		}
		if p := paper("/paper/2"); len(p.Name) > ratsinfo.MaxText || !strings.HasPrefix(p.Name, "Riesentitel") {
			t.Errorf("überlanger Titel: %d Bytes", len(p.Name))
		}
		if p := paper("/paper/4"); p.Name != "Normal" {
			t.Errorf("Vorlage neben der unspeicherbaren fehlt: %q", p.Name)
		}
	})
}

// backendsDSN is backends with a hook that makes the database refuse papers of
// one name, by a trigger: a write error the mirror cannot foresee.
func backendsDSN(t *testing.T, fn func(t *testing.T, db *sqldb.DB, blobs *blob.Dir, refuse func(name string))) {
	run := func(t *testing.T, driver, dsn, blobDir string) {
		db, blobs := openAt(t, dsn, blobDir)
		fn(t, db, blobs, func(name string) {
			raw, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			stmts := []string{`CREATE TRIGGER refuse_paper BEFORE INSERT ON paper WHEN NEW.name = '` + name + `' BEGIN SELECT RAISE(ABORT, 'abgelehnt'); END`}
			if driver == "pgx" {
				stmts = []string{`CREATE FUNCTION refuse_paper() RETURNS trigger AS $$ BEGIN IF NEW.name = '` + name +
					`' THEN RAISE EXCEPTION 'abgelehnt'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
					`CREATE TRIGGER refuse_paper BEFORE INSERT ON paper FOR EACH ROW EXECUTE FUNCTION refuse_paper()`}
			}
			for _, s := range stmts {
				if _, err := raw.Exec(s); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		run(t, "sqlite", filepath.Join(dir, "ratsinfo.db"), filepath.Join(dir, "dateien"))
	})
	t.Run("postgres", func(t *testing.T) {
		run(t, "pgx", postgresDSN(t), filepath.Join(t.TempDir(), "dateien"))
	})
}

// TestRunBounds (item 6): a run stops after MaxObjects with a message that says
// so; the next run continues and completes.
func TestRunBounds(t *testing.T) {
	u := startUpstream(t)
	for _, p := range []string{"/paper/1", "/paper/2", "/paper/3"} {
		u.addPaper(p, nil)
	}
	db, blobs := open(t)
	opt := fastRetries
	opt.MaxObjects = 2
	_, err := mirror.Import(context.Background(), db, blobs, u.system(), opt)
	if err == nil || !strings.Contains(err.Error(), "Obergrenze von 2 Objekten") {
		t.Fatalf("Obergrenze nicht eingehalten: %v", err)
	}
	importInto(t, db, blobs, u.system(), fastRetries)
	if _, err := db.FindBySource(sys, u.url("/paper/3")); err != nil {
		t.Errorf("Folgelauf nicht vollständig: %v", err)
	}
}

// TestRetryFailedDownloads (items 3 and 17): a download that fails on the first
// run is tried again by the next one although the file object did not change,
// and then the file has its content; meanwhile the file keeps its source URL.
func TestRetryFailedDownloads(t *testing.T) {
	backends(t, func(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir)) {
		u := startUpstream(t)
		broken := true
		u.extra["/files/1"] = func(w http.ResponseWriter, r *http.Request) {
			if broken {
				w.WriteHeader(http.StatusBadGateway)
				return
			}
			pdf(w, r)
		}
		u.addPaper("/paper/1", nil, u.file("/file/1", u.url("/files/1")))
		db, blobs := open(t)
		importInto(t, db, blobs, u.system(), fastRetries)
		if f := fileOf(t, db, u.url("/file/1")); f.BlobKey != "" || f.SourceURL != u.url("/files/1") {
			t.Fatalf("nach Fehlschlag: Inhalt %q, Quelle %q", f.BlobKey, f.SourceURL)
		}
		broken = false
		importInto(t, db, blobs, u.system(), fastRetries)
		f := fileOf(t, db, u.url("/file/1"))
		if f.BlobKey == "" || f.Size == 0 {
			t.Fatal("fehlgeschlagener Download im nächsten Lauf nicht wiederholt")
		}
		rc := must(blobs.Open(sys, f.BlobKey))
		b, _ := io.ReadAll(rc)
		rc.Close()
		if !strings.HasPrefix(string(b), "%PDF") {
			t.Errorf("Inhalt %q", b)
		}
		hits := u.hit("/files/1")
		importInto(t, db, blobs, u.system(), fastRetries)
		if u.hit("/files/1") != hits {
			t.Error("geladene Datei wird weiter wiederholt")
		}
	})
}

// TestTwoUpstreams (item 4): B, imported into the same data folder as A, sends a
// tombstone and a changed copy under A's object URLs: A's objects stay.
func TestTwoUpstreams(t *testing.T) {
	backends(t, func(t *testing.T, open func(testing.TB) (*sqldb.DB, *blob.Dir)) {
		a, b := startUpstream(t), startUpstream(t)
		a.addPaper("/paper/1", map[string]any{"name": "Vorlage von A"})
		a.addPaper("/paper/2", map[string]any{"name": "Noch eine von A"})
		db, blobs := open(t)
		importInto(t, db, blobs, a.system(), fastRetries)
		b.addPaper("/paper/9", map[string]any{"name": "Vorlage von B"})
		b.mu.Lock()
		b.paper = append(b.paper, map[string]any{"id": a.url("/paper/1"), "deleted": true, "type": ns + "Paper"},
			map[string]any{"id": a.url("/paper/2"), "type": ns + "Paper", "name": "Von B überschrieben"})
		b.mu.Unlock()
		rep := importInto(t, db, blobs, b.system(), fastRetries)
		if rep.Deleted != 0 || rep.Repairs["foreign-id"] != 2 {
			t.Errorf("B: %d gelöscht, Reparaturen %v", rep.Deleted, rep.Repairs)
		}
		for p, name := range map[string]string{"/paper/1": "Vorlage von A", "/paper/2": "Noch eine von A"} {
			r := must(db.FindBySource(sys, a.url(p)))
			if x := must(db.FindPaperByID(sys, r.ID)); x.Deleted || x.Name != name {
				t.Errorf("%s von A durch B verändert: gelöscht %v, Name %q", p, x.Deleted, x.Name)
			}
		}
		if _, err := db.FindBySource(sys, b.url("/paper/9")); err != nil {
			t.Errorf("B's eigene Vorlage fehlt: %v", err)
		}
		// A's own tombstone still works.
		a.mu.Lock()
		a.paper[0] = map[string]any{"id": a.url("/paper/1"), "deleted": true, "type": ns + "Paper"}
		a.mu.Unlock()
		if rep := importInto(t, db, blobs, a.system(), fastRetries); rep.Deleted != 1 {
			t.Errorf("A's eigene Löschung: %d gelöscht", rep.Deleted)
		}
	})
}

// fullDisk is the real blob folder behind a disk that is full: Put fails the way
// blob.Dir reports ENOSPC.
type fullDisk struct {
	*blob.Dir
	puts int
}

func (d *fullDisk) Put(ctx context.Context, r io.Reader) (string, int64, string, error) {
	d.puts++
	io.Copy(io.Discard, io.LimitReader(r, 1<<10))
	return "", 0, "", ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Auf dem Datenträger von /daten ist kein Platz mehr. Bitte Speicher freigeben; es wurde nichts gespeichert.")
}

// TestDiskFull (item 7): a full disk stops the import at once with its own
// message; it is not retried as a server error.
func TestDiskFull(t *testing.T) {
	u := startUpstream(t)
	u.extra["/files/1"] = pdf
	u.extra["/files/2"] = pdf
	u.addPaper("/paper/1", nil, u.file("/file/1", u.url("/files/1")), u.file("/file/2", u.url("/files/2")))
	db, blobs := open(t)
	disk := &fullDisk{Dir: blobs}
	rep, err := mirror.Import(context.Background(), db, struct{ ratsinfo.BlobStore }{disk}, u.system(), fastRetries)
	if err == nil || !strings.Contains(err.Error(), "kein Platz") {
		t.Fatalf("Import nicht mit der Meldung zum vollen Datenträger beendet: %v", err)
	}
	if rep.Repairs["retry-5xx"] != 0 || u.hit("/files/1") > 1 || u.hit("/files/2") > 1 {
		t.Errorf("lokaler Schreibfehler als Serverfehler wiederholt: %v, Abrufe %d/%d", rep.Repairs, u.hit("/files/1"), u.hit("/files/2"))
	}
	if _, err := db.FindBySource(sys, u.url("/paper/1")); ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND {
		t.Errorf("Seite trotz vollem Datenträger geschrieben: %v", err)
	}
}
