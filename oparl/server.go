// Package oparl serves the council record as an OParl 1.1 API
// (https://dev.oparl.org/spezifikation): its own JSON types and converters, keyset
// pagination, the update filters, tombstones, file downloads and canonical URLs.
// Every request reads as the anonymous public; the store decides what that may see.
package oparl

import (
	"context"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/site"
)

// Config configures a Server.
type Config struct {
	// BaseURL is the scheme and host that ids and web links are built from, e.g.
	// "https://ris.example.org", without trailing slash.
	BaseURL string
	Store   Store
	Blobs   ratsinfo.BlobStore
	Logger  *slog.Logger
	// PageSize is the default number of objects per list page (100);
	// MaxPageSize caps the client's limit hint (1000).
	PageSize, MaxPageSize int
	// CacheBytes bounds the cache of rendered answers (default 32 MiB); a negative
	// value turns it off.
	CacheBytes int64
	// Renders bounds the answers built at once (shared with the website); nil
	// gives the API its own with the defaults. File contents are streamed
	// outside it.
	Renders *site.Limiter
	// DownloadTimeout is how long a file's content may take to reach the client
	// (default 1 hour): the server's write timeout is short, made for pages.
	DownloadTimeout time.Duration
	// License is the URL of the licence the data are published under, set on System
	// and Body (unless they name their own) so that it applies to every object
	// (OParl 1.1, 5.1.1); "" means DefaultLicense.
	License string
}

// DefaultLicense is the open licence a city's council data carry unless the
// operator names another: Datenlizenz Deutschland – Zero – 2.0, the licence of the
// German open-data portal for data free of any condition. Council records are
// public documents; a licence that asks nothing keeps mirrors and journalists free.
const DefaultLicense = "https://www.govdata.de/dl-de/zero-2-0"

// DefaultDownloadTimeout is how long a file download may take by default: a
// 100 MB scan at 30 kB/s.
const DefaultDownloadTimeout = time.Hour

// Store is what the API reads: the record, and the change-feed position that
// tells whether a cached answer is still current.
type Store interface {
	ratsinfo.RecordReader
	ratsinfo.ChangeFeed
}

// Server is the OParl API. It is an http.Handler for the paths under /oparl/.
type Server struct {
	store       Store
	blobs       ratsinfo.BlobStore
	logger      *slog.Logger
	urls        *urls
	loc         *time.Location
	pageSize    int
	maxPageSize int
	license     string
	// countCap is the largest total a filtered list reports (filteredCountCap).
	countCap int
	// bufs recycles response buffers: a paper page is hundreds of kilobytes,
	// and reuse saves its allocation and growth on every request. A bounded
	// channel rather than a sync.Pool, which every garbage collection empties:
	// with pages this size that happens every few requests.
	bufs chan *enc
	// cache is nil when it is turned off.
	cache *pageCache

	// renders bounds the answers built at once; downloadTimeout is the write
	// timeout of file contents.
	renders         *site.Limiter
	downloadTimeout time.Duration
}

// NewServer returns a Server for cfg, filling in defaults.
func NewServer(cfg Config) *Server {
	s := &Server{
		store:       cfg.Store,
		blobs:       cfg.Blobs,
		logger:      cfg.Logger,
		urls:        newURLs(strings.TrimRight(cfg.BaseURL, "/")),
		loc:         ratsinfo.Berlin(),
		pageSize:    cfg.PageSize,
		maxPageSize: cfg.MaxPageSize,
		license:     cfg.License,
		countCap:    filteredCountCap,
		bufs:        make(chan *enc, maxPooledBuffers),
	}
	s.renders, s.downloadTimeout = cfg.Renders, cfg.DownloadTimeout
	if s.renders == nil {
		s.renders = site.NewLimiter(0, 0)
	}
	if s.downloadTimeout <= 0 {
		s.downloadTimeout = DefaultDownloadTimeout
	}
	if s.logger == nil {
		s.logger = slog.Default()
	}
	if s.maxPageSize <= 0 {
		s.maxPageSize = 1000
	}
	if s.pageSize <= 0 {
		s.pageSize = 100
	}
	if s.license == "" {
		s.license = DefaultLicense
	}
	s.pageSize = min(s.pageSize, s.maxPageSize)
	if cfg.CacheBytes >= 0 {
		size := cfg.CacheBytes
		if size == 0 {
			size = 32 << 20
		}
		s.cache = newPageCache(size)
	}
	return s
}

// Register adds the OParl API to mux. One subtree pattern takes every path under
// /oparl/, so that misspelt paths reach parsePath and get a 301 or an OParl Error
// object instead of the site's HTML 404; the route table is in route.go.
func (s *Server) Register(mux *http.ServeMux) {
	mux.Handle("/oparl/", s)
}

// CleanPaths wraps the site's handler so that API paths with double slashes or dot
// segments, or with the /oparl/ prefix in another case, get a 301 to the
// canonical URL (spec 2-03). Without it ServeMux cleans the former itself, but
// with a 307 and without the CORS header, and hands the latter to the website,
// whose HTML 404 no OParl client can read.
func (s *Server) CleanPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		const prefix = "/oparl/"
		api := len(p) >= len(prefix) && strings.EqualFold(p[:len(prefix)], prefix)
		if api && (strings.Contains(p, "//") || strings.Contains(p, "/.")) {
			if _, canonical, ok := parsePath(path.Clean(p)); ok {
				s.redirect(w, canonical, r.URL.RawQuery)
				return
			}
		}
		if api && !strings.HasPrefix(p, prefix) {
			// ServeHTTP reads the prefix in any case: it redirects what it
			// recognises and answers the rest with an OParl Error object.
			s.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ServeHTTP answers one API request: method check, path and query parsing,
// redirect of non-canonical spellings, then the handler of the route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		s.preflight(w)
		return
	default:
		w.Header().Set("Allow", "GET, HEAD, OPTIONS")
		s.writeErrorStatus(w, r, http.StatusMethodNotAllowed,
			"Die OParl-Schnittstelle ist nur lesbar; bitte GET verwenden.")
		return
	}
	rt, canonicalPath, ok := parsePath(r.URL.Path)
	if !ok {
		s.writeErrorStatus(w, r, http.StatusNotFound,
			"Unter dieser Adresse gibt es nichts. Der Einstieg in die OParl-Schnittstelle ist "+s.urls.api+"/system.")
		return
	}
	q, canonicalQuery, err := parseQuery(r.URL.RawQuery, rt.params(), s.maxPageSize, s.loc)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if canonicalPath != r.URL.EscapedPath() || canonicalQuery != r.URL.RawQuery {
		s.redirect(w, canonicalPath, canonicalQuery)
		return
	}
	isFile := rt.name == routeFileAccess || rt.name == routeFileDownload
	if !isFile {
		// A file's content streams for as long as the client takes: it holds
		// no render slot (and gets its own write timeout, see fileServe).
		var release func()
		r, release, ok = s.renders.Acquire(r)
		if !ok {
			s.writeError(w, r, site.Busy())
			return
		}
		defer release()
	}
	ctx := ratsinfo.WithViewer(r.Context(), ratsinfo.Viewer{})
	if s.cache != nil && r.Method == http.MethodGet && !isFile {
		err = s.serveCached(ctx, w, r, rt, q)
	} else {
		err = s.dispatch(ctx, w, r, rt, q)
	}
	if err != nil {
		s.writeError(w, r, err)
	}
}

func (s *Server) dispatch(ctx context.Context, w http.ResponseWriter, r *http.Request, rt route, q *query) error {
	switch rt.name {
	case routeSystem:
		return s.systemShow(ctx, w, r)
	case routeBody, routeObject:
		return s.objectShow(ctx, w, r, rt, q)
	case routeBodies, routeBodyList, routeOrgMeetings:
		return s.listShow(ctx, w, r, rt, q)
	case routeFileAccess:
		return s.fileServe(ctx, w, r, rt.id, false)
	case routeFileDownload:
		return s.fileServe(ctx, w, r, rt.id, true)
	}
	return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Unbekannte Adresse.")
}

// newConv returns a converter for one request.
func (s *Server) newConv(q *query) *conv {
	return &conv{urls: s.urls, loc: s.loc, license: s.license, omitInternal: q.omitInternal, emb: &embeds{}}
}
