// Package mirror copies the council record of a foreign OParl 1.0 or 1.1 endpoint
// into our store and keeps it current: a full crawl on the first run, then per list
// only what changed since the last successful run (modified_since), tombstones
// applied as deletions. It is built for the endpoints that exist, not the ones the
// specification describes: every known vendor fault (docs/oparl-vendor-faults.md) is
// repaired where possible, counted, and reported; only an unreachable System stops
// an import.
//
// Resuming after a kill works because every list page is written in one store
// transaction together with the list's cursor, so the store never holds data that
// its checkpoint does not cover, nor a checkpoint ahead of its data.
package mirror

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/netguard"
)

// Options tune an import. The zero value is usable.
type Options struct {
	// Concurrency bounds parallel requests (list prefetch and file downloads); default 4.
	Concurrency int
	// Client is the HTTP client; nil means a client that refuses internal
	// addresses (internal/netguard) except the system URL's origin and
	// AllowOrigins. A caller that sets Client answers for the address rules.
	Client *http.Client
	// AllowOrigins are further origins (scheme, host, port of a URL) that may be
	// fetched although they are internal, and whose object ids count as the
	// system's own (a file server beside the OParl server).
	AllowOrigins []string
	// MaxObjects stops the run after this many source objects (0: no limit);
	// what committed stays, and the next run continues.
	MaxObjects int
	// MaxDuration stops the run after this long (0: no limit), likewise.
	MaxDuration time.Duration
	// MaxFileSize caps one file download in bytes (default 100 MiB); larger files
	// are imported without content.
	MaxFileSize int64
	// Progress, if set, is called about once a second from one goroutine.
	Progress func(Progress)
	// Logger receives details of skipped objects and failed requests; nil discards.
	Logger *slog.Logger
	// Retries is how often a failed request (network error, timeout, 429, 5xx,
	// HTML error page) is repeated (default 3); negative means never.
	Retries int
	// Timeout bounds one request (default 2 minutes: vendor list pages are slow).
	Timeout time.Duration
	// Backoff is the first retry delay, doubled per attempt (default 1 s);
	// Retry-After from the server takes precedence.
	Backoff time.Duration
	// Now is the clock for checkpoints when the server sends no Date header; nil = time.Now.
	Now func() time.Time
}

// Progress is a snapshot for a terminal progress line.
type Progress struct {
	Objects, Pages, Lists, Files int
	PerSecond                    float64
	Elapsed, ETA                 time.Duration // ETA is 0 when unknown
	List                         string        // the list being read
}

// Report says what an import did. Repairs counts each kind of vendor fault that was
// repaired (see the package documentation); Skipped counts objects that could not
// be imported even after repair, by reason.
type Report struct {
	System                           string
	Objects                          int // source objects processed
	Created, Updated, Deleted, Files int
	Unchanged                        int
	Pages, Lists, Requests           int
	Repairs                          map[string]int
	Skipped                          map[string]int
	Failures                         []string // lists or pages that could not be read
	Duration                         time.Duration
	Fetch, Write, Download           time.Duration // where the time went (summed over goroutines)
	mu                               sync.Mutex
	started                          time.Time
	list                             string // being read, for progress
	listTotal, listDone              int    // its totalElements and objects read so far
}

// Store is what the mirror needs from the store: the record to read and write,
// and its bookkeeping (source map and checkpoints), which commits in the same
// transactions as the objects it covers.
type Store interface {
	ratsinfo.RecordStore
	bookkeeping
}

// bookkeeping is the mirror's memory between runs.
type bookkeeping interface {
	ratsinfo.SourceMap
	ratsinfo.Checkpoints
}

// Import mirrors the OParl endpoint whose System object is at systemURL into store,
// file contents into blobs. Cancelling ctx stops the import; what was committed
// stays and the next run resumes there. The error is non-nil only when the System
// cannot be read, the store fails, or ctx ends.
func Import(ctx context.Context, store Store, blobs ratsinfo.BlobStore, systemURL string, opt Options) (*Report, error) {
	origins, err := originsOf(systemURL, opt.AllowOrigins)
	if err != nil {
		return nil, ratsinfo.Errorf(ratsinfo.EINVALID, "Ungültige erlaubte Adresse: %v", err)
	}
	if opt.Client == nil {
		g, _ := netguard.New(append([]string{systemURL}, opt.AllowOrigins...)...)
		opt.Client = g.Client(0, max(opt.Concurrency, 4)*2)
	}
	im := newImporter(store, store, blobs, opt)
	im.origins, im.system = origins, systemURL
	if b, ok := blobs.(ratsinfo.BlobBatcher); ok {
		im.batch = b.NewBatch()
		im.blobs = im.batch
		defer im.batch.Discard() // downloads of a page that never committed
	}
	im.rep.System = systemURL
	ctx = ratsinfo.SystemContext(ctx)
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	im.stop = cancel
	if opt.MaxDuration > 0 {
		var cancelTime context.CancelFunc
		ctx, cancelTime = context.WithTimeoutCause(ctx, opt.MaxDuration, &stopError{fmt.Sprintf(
			"Laufzeitgrenze von %s erreicht; der nächste Aufruf setzt an der letzten gespeicherten Seite fort.", opt.MaxDuration)})
		defer cancelTime()
	}
	stop := im.startProgress()
	err = im.run(ctx, systemURL)
	stop()
	var se *stopError
	if cause := context.Cause(ctx); err != nil && errors.As(cause, &se) {
		err = se
	}
	im.rep.Duration = time.Since(im.rep.started)
	return im.rep, err
}

// importer is the state of one Import call.
type importer struct {
	store  ratsinfo.RecordStore
	src    bookkeeping
	blobs  ratsinfo.BlobStore
	opt    Options
	client *http.Client
	sem    chan struct{}
	rep    *Report
	berlin *time.Location
	// system is the System URL the operator gave, recorded with every source
	// row; origins are the host:port pairs whose ids belong to it (ownID).
	system  string
	origins map[string]bool
	// retry is the retry set of failed downloads (access URL → file URL), as
	// loaded and as the writer changed it.
	retry map[string]string
	// stop ends the run with a stopError as its cause (disk full, run bounds).
	stop context.CancelCauseFunc

	version11 bool  // the System speaks OParl 1.1 (embedded objects need timestamps)
	allowBody bool  // a Body may be imported now (only from the System's body list)
	withFiles bool  // list pages get their file contents prefetched (not the body list)
	body      int64 // local id of the body being mirrored

	// known is the source map as it was when the import started, loaded in one
	// query (a SELECT per object was the largest cost after file syncs), and
	// knownBlobs the blob checkpoints likewise. The page fetcher reads them too,
	// so they are never written after the load.
	known      map[string]ratsinfo.SourceRef
	knownBlobs map[string]blobInfo
	// cache holds source refs committed in this run, staged those of the open
	// transaction (merged on commit, dropped on rollback); blobCache and
	// blobStaged the same for blob checkpoints. Only the writer goroutine uses them.
	cache, staged         map[string]ratsinfo.SourceRef
	blobCache, blobStaged map[string]blobInfo
	// fetched are the access URLs the page fetcher downloaded in this run.
	fetched sync.Map
	// needSync says the open transaction downloaded contents itself (files
	// reached only by reference, the fix-up pass): inTx syncs the batch first.
	needSync bool
	// noLimit is set once the server refused a page-size hint (limit=).
	noLimit atomic.Bool
	// batch, if the blob store has batches, takes downloads without a sync per
	// file; inTx syncs it before each commit.
	batch ratsinfo.BlobBatch
	// blobs downloaded for the page being written: accessUrl → content.
	downloads map[string]blobInfo
	// missing are URLs that could not be fetched in this run (404 and the like).
	missing map[string]bool
	// pending are URLs with a pending entry (pending.go), stored or written in
	// this run.
	pending map[string]bool
	// done are the objects already imported in this run, by source URL;
	// doneTx those of the open transaction, forgotten again on rollback.
	done   map[string]int64
	doneTx []string
}

func newImporter(store ratsinfo.RecordStore, src bookkeeping, blobs ratsinfo.BlobStore, opt Options) *importer {
	if opt.Concurrency <= 0 {
		opt.Concurrency = 4
	}
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = 100 << 20
	}
	if opt.Retries == 0 {
		opt.Retries = 3
	}
	if opt.Retries < 0 {
		opt.Retries = 0
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 2 * time.Minute
	}
	if opt.Backoff <= 0 {
		opt.Backoff = time.Second
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	client := opt.Client
	if client == nil {
		client = &http.Client{Transport: &http.Transport{
			MaxIdleConnsPerHost: opt.Concurrency * 2,
			IdleConnTimeout:     90 * time.Second,
		}}
	}
	return &importer{
		store: store, src: src, blobs: blobs, opt: opt, client: client,
		sem:       make(chan struct{}, opt.Concurrency),
		rep:       &Report{Repairs: map[string]int{}, Skipped: map[string]int{}, started: time.Now()},
		cache:     map[string]ratsinfo.SourceRef{},
		blobCache: map[string]blobInfo{},
		missing:   map[string]bool{},
		pending:   map[string]bool{},
		done:      map[string]int64{},
		berlin:    ratsinfo.Berlin(),
	}
}

// run reads the System and mirrors every body in it.
func (im *importer) run(ctx context.Context, systemURL string) error {
	sys, err := im.fetchObject(ctx, systemURL)
	if err != nil {
		return ratsinfo.Errorf(ratsinfo.EUNAVAILABLE,
			"Das OParl-System unter %s ist nicht erreichbar (%v). Bitte die URL prüfen; sie muss auf das System-Objekt zeigen.", systemURL, err)
	}
	if err := im.preload(ctx); err != nil {
		return err
	}
	s := im.view(sys, systemURL)
	im.version11 = strings.Contains(s.str("oparlVersion"), "1.1")
	bodyList := s.link("body")
	if bodyList == "" {
		return ratsinfo.Errorf(ratsinfo.EINVALID, "Das System unter %s nennt keine Körperschaften (Eigenschaft „body“ fehlt).", systemURL)
	}
	bodies, err := im.readBodies(ctx, bodyList)
	if err != nil {
		return err
	}
	for _, b := range bodies {
		if err := im.mirrorBody(ctx, b); err != nil {
			return err
		}
	}
	if err := im.retryFiles(ctx); err != nil {
		return err
	}
	return ctx.Err()
}

// readBodies returns the Body objects of the System's body list. Some servers give
// a single body (object or URL) instead of a list URL; both are accepted.
func (im *importer) readBodies(ctx context.Context, bodyList string) ([]map[string]any, error) {
	var out []map[string]any
	err := im.walk(ctx, bodyList, "", false, func(ctx context.Context, pg *page) error {
		out = append(out, pg.data...)
		return nil
	})
	return out, err
}

func (r *Report) repair(kind string, n int) {
	r.mu.Lock()
	r.Repairs[kind] += n
	r.mu.Unlock()
}

func (r *Report) skip(reason string) {
	r.mu.Lock()
	r.Skipped[reason]++
	r.mu.Unlock()
}

func (r *Report) failure(format string, args ...any) {
	r.mu.Lock()
	r.Failures = append(r.Failures, fmt.Sprintf(format, args...))
	r.mu.Unlock()
}

func (r *Report) add(field *int, n int) {
	r.mu.Lock()
	*field += n
	r.mu.Unlock()
}

func (r *Report) addTime(field *time.Duration, d time.Duration) {
	r.mu.Lock()
	*field += d
	r.mu.Unlock()
}

// stopError ends an import on purpose: a run bound was reached, or the local
// disk cannot take more. Its message is for the operator.
type stopError struct{ msg string }

func (e *stopError) Error() string { return e.msg }

// originsOf returns the host:port pairs (scheme ignored: vendors mix http and
// https in their ids) whose object ids belong to the system being imported.
func originsOf(systemURL string, allow []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, u := range append([]string{systemURL}, allow...) {
		o, err := netguard.Origin(u)
		if err != nil {
			return nil, err
		}
		out[hostPort(o)] = true
	}
	return out, nil
}

// hostPort is an origin without its scheme; default ports are kept as given by
// netguard.Origin, so http://x and https://x differ only when a port is named.
func hostPort(origin string) string {
	_, hp, _ := strings.Cut(origin, "://")
	if h, p, err := net.SplitHostPort(hp); err == nil && (p == "80" || p == "443") {
		return h
	}
	return hp
}

// ownID reports whether an object id belongs to the system being imported: ids
// of another system (a second upstream in the same data folder) are not ours
// to create, change or delete.
func (im *importer) ownID(id string) bool {
	o, err := netguard.Origin(id)
	return err == nil && im.origins[hostPort(o)]
}

// ownRow reports whether a source row was written by an import of this system
// (or before systems were recorded).
func (im *importer) ownRow(r ratsinfo.SourceRef) bool { return r.System == "" || r.System == im.system }

// dropEmbedded deletes the consultations of a deleted paper: OParl embeds them
// in the paper, so the source sends no tombstones of their own.
func (im *importer) dropEmbedded(ctx context.Context, ref ratsinfo.SourceRef) error {
	if ref.Kind != ratsinfo.KindPaper {
		return nil
	}
	cs, err := im.store.FindConsultations(ctx, ratsinfo.ConsultationFilter{PaperIDs: []int64{ref.ID}})
	if err != nil {
		return fmt.Errorf("consultations of paper %d: %w", ref.ID, err)
	}
	for _, c := range cs {
		if c.Deleted {
			continue
		}
		if err := im.store.DeleteConsultation(ctx, c.ID); err != nil && ratsinfo.ErrorCode(err) != ratsinfo.ENOTFOUND {
			return fmt.Errorf("delete consultation %d: %w", c.ID, err)
		}
		im.rep.add(&im.rep.Deleted, 1)
	}
	return nil
}

// typeName returns the last path segment of an OParl type URL ("Paper").
func typeName(t string) string { return t[strings.LastIndex(t, "/")+1:] }
