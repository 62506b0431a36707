package search

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"golang.org/x/sys/unix"

	"github.com/ratsinfo/ratsinfo"
)

// Index is the search index of one instance, in its own folder: <dir>/index
// is the live index, <dir>/index.neu one being built, <dir>/lock the lock that
// keeps a second process from writing the same folder. Each instance on a
// shared PostgreSQL keeps its own folder and follows the shared change feed.
type Index struct {
	dir  string
	lock *os.File
	src  Source
	inq  InquirySource
	syn  *Synonyms
	log  *slog.Logger

	mu  sync.RWMutex // a swap of the live index excludes searches and writes
	idx bleve.Index  // nil while no complete index exists
	voc atomic.Pointer[vocab]
}

// Options are the parts of an index besides its folder and source.
type Options struct {
	Inquiries InquirySource // nil: questions are not indexed
	Synonyms  *Synonyms     // nil: the built-in groups
	Logger    *slog.Logger  // nil: discard
}

// feedKey is where the index keeps its change-feed position, written in the
// same batch as the documents it covers.
var feedKey = []byte("ratsinfo_feed_seq")

// Open takes the folder's lock and opens the live index if there is one; an
// Index without one answers EUNAVAILABLE until Rebuild has run. A folder locked
// by another process is an error that says so in German.
func Open(dir string, src Source, opt Options) (*Index, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("Der Ordner des Suchindex %s lässt sich nicht anlegen: %w", dir, err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("Die Sperrdatei des Suchindex in %s lässt sich nicht öffnen: %w", dir, err)
	}
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, unix.EWOULDBLOCK) {
			return nil, fmt.Errorf("Der Suchindex in %s wird schon von einem anderen Ratsinfo-Prozess geschrieben "+
				"(läuft serve oder reindex noch?). Jede Instanz braucht ihren eigenen Datenordner", dir)
		}
		return nil, fmt.Errorf("Der Suchindex in %s lässt sich nicht sperren: %w", dir, err)
	}
	x := &Index{dir: dir, lock: lock, src: src, inq: opt.Inquiries, syn: opt.Synonyms, log: opt.Logger}
	if x.syn == nil {
		x.syn = DefaultSynonyms()
	}
	if x.log == nil {
		x.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	// A build that a crash interrupted is of no use: it starts over.
	if err := os.RemoveAll(x.path("index.neu")); err != nil {
		x.Close()
		return nil, fmt.Errorf("remove unfinished search index: %w", err)
	}
	idx, err := bleve.Open(x.path("index"))
	switch {
	case errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, fs.ErrNotExist):
		return x, nil
	case err != nil:
		x.Close()
		return nil, fmt.Errorf("Der Suchindex in %s lässt sich nicht öffnen (mit „ratsinfo reindex“ neu aufbauen): %w", dir, err)
	}
	if v, err := idx.GetInternal(feedKey); err != nil || v == nil {
		// Not built to the end: treat as absent.
		idx.Close()
		return x, nil
	}
	x.idx = idx
	if err := x.refreshVocab(); err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

func (x *Index) path(name string) string { return filepath.Join(x.dir, name) }

// Close closes the index and gives up the lock.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	var err error
	if x.idx != nil {
		err = x.idx.Close()
		x.idx = nil
	}
	if x.lock != nil {
		x.lock.Close() // closing releases the flock
		x.lock = nil
	}
	return err
}

// Ready reports whether a complete index answers searches.
func (x *Index) Ready() bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.idx != nil
}

// Checkpoint returns the change-feed position the live index covers.
func (x *Index) Checkpoint() (int64, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return 0, notReady()
	}
	return readSeq(x.idx)
}

func readSeq(idx bleve.Index) (int64, error) {
	v, err := idx.GetInternal(feedKey)
	if err != nil {
		return 0, fmt.Errorf("read search checkpoint: %w", err)
	}
	if v == nil {
		return 0, nil
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("read search checkpoint %q: %w", v, err)
	}
	return n, nil
}

func notReady() error {
	return ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Der Suchindex wird gerade aufgebaut. Bitte versuchen Sie es in einigen Minuten erneut.")
}

// Stats are figures of the live index.
type Stats struct {
	Docs  uint64
	Bytes int64 // on disk
}

// Stats counts documents and bytes of the live index.
func (x *Index) Stats() (Stats, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return Stats{}, notReady()
	}
	n, err := x.idx.DocCount()
	if err != nil {
		return Stats{}, fmt.Errorf("count search documents: %w", err)
	}
	var size int64
	filepath.WalkDir(x.path("index"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	return Stats{Docs: n, Bytes: size}, nil
}

func (x *Index) refreshVocab() error {
	v, err := loadVocab(x.idx)
	if err != nil {
		return err
	}
	x.voc.Store(v)
	return nil
}

// RefreshVocabulary rereads the vocabulary that decompounding and
// suggestions use; the follower calls it after changes.
func (x *Index) RefreshVocabulary() error {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return nil
	}
	return x.refreshVocab()
}
