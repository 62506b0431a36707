package mirror_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/demo"
	"github.com/ratsinfo/ratsinfo/oparl"
	"github.com/ratsinfo/ratsinfo/oparl/mirror"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// open returns an empty migrated SQLite store and blob folder in a temp dir.
func open(t testing.TB) (*sqldb.DB, *blob.Dir) {
	t.Helper()
	dir := t.TempDir()
	return openAt(t, filepath.Join(dir, "ratsinfo.db"), filepath.Join(dir, "dateien"))
}

// serve runs our own OParl server over db on loopback and returns its System URL.
func serve(t testing.TB, db *sqldb.DB, blobs *blob.Dir) string {
	return serveWith(t, db, blobs, 0)
}

func serveWith(t testing.TB, db *sqldb.DB, blobs *blob.Dir, maxPage int) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	srv.Start()
	t.Cleanup(srv.Close)
	api := oparl.NewServer(oparl.Config{BaseURL: srv.URL, Store: db, Blobs: blobs, Logger: discard(),
		PageSize: maxPage, MaxPageSize: maxPage})
	srv.Config.Handler = api
	return srv.URL + "/oparl/v1.1/system"
}

// demoServer loads the demo city into a fresh store and serves it.
func demoServer(t testing.TB) (string, *sqldb.DB) {
	return demoServerPages(t, 0)
}

// demoServerPages is demoServer with at most maxPage objects per list page (0:
// the server's default), whatever limit a client asks for.
func demoServerPages(t testing.TB, maxPage int) (string, *sqldb.DB) {
	t.Helper()
	db, blobs := open(t)
	if _, err := demo.Load(ratsinfo.SystemContext(context.Background()), db, blobs); err != nil {
		t.Fatal(err)
	}
	return serveWith(t, db, blobs, maxPage), db
}

// importInto mirrors sys into db and fails the test on error.
func importInto(t testing.TB, db *sqldb.DB, blobs *blob.Dir, sys string, opt mirror.Options) *mirror.Report {
	t.Helper()
	rep, err := mirror.Import(context.Background(), db, blobs, sys, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
