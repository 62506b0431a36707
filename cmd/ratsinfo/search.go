package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/search"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// searchInterval is how often serve looks for new entries in the change feed.
const searchInterval = 2 * time.Second

func (c *Config) searchDir() string    { return filepath.Join(c.DataDir, "suche") }
func (c *Config) synonymsFile() string { return filepath.Join(c.DataDir, "synonyme.txt") }

// openSearch opens the index of this instance's data folder with the
// synonyms of the folder. A broken synonym file stops the start (the operator
// reads which line); a folder locked by another process leaves the site
// without full-text search, with a German notice on /suche.
func openSearch(c *Config, db *sqldb.DB, log *slog.Logger) (*search.Index, ratsinfo.Searcher, error) {
	syn, err := search.LoadSynonyms(c.synonymsFile())
	if err != nil {
		return nil, nil, err
	}
	idx, err := search.Open(c.searchDir(), db, search.Options{Inquiries: db, Synonyms: syn, Logger: log})
	if err != nil {
		log.Warn("Volltextsuche nicht verfügbar", "err", err)
		return nil, unavailableSearch{err.Error()}, nil
	}
	return idx, idx, nil
}

// followSearch keeps idx up to date from the change feed (building it first
// when there is none) until the returned stop is called.
func followSearch(ctx context.Context, idx *search.Index) (stop func()) {
	if idx == nil {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { idx.Follow(ctx, searchInterval) })
	return func() {
		cancel()
		wg.Wait()
		idx.Close()
	}
}

// unavailableSearch answers every search with why there is none.
type unavailableSearch struct{ why string }

func (u unavailableSearch) Search(context.Context, ratsinfo.SearchQuery) (*ratsinfo.SearchResult, error) {
	return nil, ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Die Volltextsuche ist gerade nicht verfügbar: %s.", u.why)
}
