package blob

import (
	"context"
	"io"
	"os"
	"sync"

	"github.com/ratsinfo/ratsinfo"
)

// Batch writes blobs for a bulk import. One fsync per file (Dir.Put) costs a
// journal commit each and made file downloads most of an import's time; a batch
// writes contents without syncing and makes them durable together in Sync, which
// the importer calls before the transaction that refers to them commits.
//
// A content reaches its key only in Sync, after its fsync: a key never names a
// file that a crash could leave truncated, even if the import dies before Sync
// (Put of the same content later sees the key and trusts it).
type Batch struct {
	d       *Dir
	mu      sync.Mutex
	pending []written
	// puts counts Puts that made a file, durable how many of them are synced.
	// A Sync with nothing new since the last one returns at once instead of
	// waiting for another goroutine's Sync of later Puts.
	puts, durable int
	err           error // a failed Sync: what it took is lost, so every later Sync fails
	// syncing is held through a whole Sync: a Sync that finds nothing pending
	// because another goroutine's Sync took it must still wait for it to finish.
	syncing sync.Mutex
}

var _ ratsinfo.BlobBatch = (*Batch)(nil)

// NewBatch starts a batch of unsynced writes into d.
func (d *Dir) NewBatch() ratsinfo.BlobBatch { return &Batch{d: d} }

// Put stores r's content in a temporary file; it is under its key after Sync.
func (b *Batch) Put(ctx context.Context, r io.Reader) (string, int64, string, error) {
	w, err := b.d.writeTemp(ctx, r, false)
	if err != nil {
		return "", 0, "", err
	}
	if w.tmp != "" {
		b.mu.Lock()
		b.pending = append(b.pending, w)
		b.puts++
		b.mu.Unlock()
	}
	return w.key, w.size, w.sha512, nil
}

// Open returns committed content; pending contents are not readable yet.
func (b *Batch) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	return b.d.Open(ctx, key)
}

// Sync makes every content put so far durable under its key: the temporary files
// are synced, renamed into place, and every folder that got an entry is synced,
// parents included (MkdirAll may have created the fan-out folders). It is
// safe to call from several goroutines; each returns once everything put before
// its call is durable.
func (b *Batch) Sync(ctx context.Context) error {
	b.mu.Lock()
	done, err := b.durable >= b.puts, b.err
	b.mu.Unlock()
	if done || err != nil {
		return err
	}
	b.syncing.Lock()
	defer b.syncing.Unlock()
	b.mu.Lock()
	ws, taken, err := b.pending, b.puts, b.err
	b.pending = nil
	b.mu.Unlock()
	if len(ws) == 0 || err != nil {
		return err // a Sync that just finished took them, or failed
	}
	err = b.syncTaken(ctx, ws)
	b.mu.Lock()
	if err != nil {
		b.err = err
	} else {
		b.durable = taken
	}
	b.mu.Unlock()
	return err
}

// syncTaken syncs, places and syncs again the contents taken from pending.
func (b *Batch) syncTaken(ctx context.Context, ws []written) error {
	defer func() {
		for _, w := range ws {
			os.Remove(w.tmp) // no-op for those renamed
		}
	}()
	var tmps []string
	seen := map[string]bool{}
	for _, w := range ws {
		if !seen[w.key] { // the same content twice: place keeps the first
			seen[w.key] = true
			tmps = append(tmps, w.tmp)
		}
	}
	if err := syncAll(b.d.root, tmps); err != nil {
		return storageError(b.d.root, err)
	}
	dirs := map[string]bool{}
	for _, w := range ws {
		dir, err := b.d.place(w)
		if err != nil {
			return err
		}
		b.d.addDirs(dirs, dir)
	}
	paths := make([]string, 0, len(dirs))
	for dir := range dirs {
		paths = append(paths, dir)
	}
	if err := syncAll(b.d.root, paths); err != nil {
		return storageError(b.d.root, err)
	}
	return ctx.Err()
}

// Discard removes what was put since the last Sync (an import that ends without
// committing its page must not leave temporary files behind).
func (b *Batch) Discard() {
	b.mu.Lock()
	ws := b.pending
	b.pending = nil
	b.mu.Unlock()
	for _, w := range ws {
		os.Remove(w.tmp)
	}
}

// syncPath fsyncs a file or folder by name.
func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
