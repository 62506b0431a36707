package mirror

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/netguard"
)

// blobInfo is a downloaded file content, remembered per access URL in a
// checkpoint so that a re-import never downloads the same content again.
type blobInfo struct {
	Key    string `json:"key"`
	Size   int64  `json:"size"`
	SHA512 string `json:"sha512"`
	Mime   string `json:"mime,omitempty"`
	// retry says a failed download may succeed on a later run (not stored).
	retry bool
}

const blobPrefix = "blob:"

// blobCheckpoint returns the earlier download of access: from this transaction,
// an earlier one of this run, or before the run.
func (im *importer) blobCheckpoint(access string) (blobInfo, bool) {
	if b, ok := im.blobStaged[access]; ok {
		return b, true
	}
	if b, ok := im.blobCache[access]; ok {
		return b, true
	}
	b, ok := im.knownBlobs[access]
	return b, ok
}

var errTooLarge = errors.New("Datei größer als --max-file-size")

// prefetchFiles downloads the contents of the files on a page that are new or
// changed, in parallel and before the page's transaction, so that slow downloads
// never hold the store's writer. It runs in the page fetcher, ahead of the
// writer, so it reads only the state loaded at the start and its own set of
// downloads, and returns its result.
func (im *importer) prefetchFiles(ctx context.Context, data []map[string]any) map[string]blobInfo {
	type job struct{ access, sha string }
	var jobs []job
	seen := map[string]bool{}
	var visit func(o map[string]any)
	visit = func(o map[string]any) {
		for _, x := range o {
			switch x := x.(type) {
			case map[string]any:
				visit(x)
			case []any:
				for _, e := range x {
					if m, ok := e.(map[string]any); ok {
						visit(m)
					}
				}
			}
		}
		access := fileURL(o)
		if access == "" || seen[access] || o["deleted"] == true {
			return
		}
		seen[access] = true
		id, _ := o["id"].(string)
		if r, ok := im.known[strings.TrimSpace(id)]; ok && r.Hash == hashOf(o) {
			return
		}
		if _, ok := im.knownBlobs[access]; ok {
			return
		}
		if _, dup := im.fetched.LoadOrStore(access, true); dup {
			return // downloaded for an earlier page: the writer finds its checkpoint
		}
		sha, _ := o["sha512Checksum"].(string)
		jobs = append(jobs, job{access, strings.ToLower(strings.TrimSpace(sha))})
	}
	for _, o := range data {
		visit(o)
	}
	if len(jobs) == 0 {
		return nil
	}
	var mu sync.Mutex
	got := map[string]blobInfo{}
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, ok := im.fetchContent(ctx, j.access, j.sha)
			if !ok {
				b = blobInfo{retry: b.retry} // failed: counted once, not retried in the transaction
			}
			if ctx.Err() == nil {
				mu.Lock()
				got[j.access] = b
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return got
}

// fileURL returns where a File object's content is, or "" if o is no file.
func fileURL(o map[string]any) string {
	for _, k := range []string{"accessUrl", "downloadUrl"} {
		if s, ok := o[k].(string); ok && ratsinfo.IsURL(strings.TrimSpace(s)) {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// attachContent sets the blob of f from a prefetched or earlier download, or
// downloads it now (files reached only by reference), and remembers it.
func (c *conv) attachContent(ctx context.Context, f *ratsinfo.File) error {
	im := c.im
	access := fileURL(c.v.m)
	if access == "" {
		im.rep.repair("file-without-url", 1)
		return nil
	}
	f.SourceURL = access
	b, ok := im.downloads[access]
	fresh := ok
	if !ok {
		if b, ok = im.blobCheckpoint(access); !ok {
			b, ok = im.fetchContent(ctx, access, f.SHA512Checksum)
			fresh = ok
			im.needSync = true
		}
	}
	if !ok || b.Key == "" {
		if ctx.Err() != nil || !b.retry {
			return ctx.Err()
		}
		// Without content for now: our accessUrl sends clients to the source
		// meanwhile, and every run tries the download again.
		im.retry[access] = c.v.url
		return im.src.SetRetryFile(ctx, im.system, access, c.v.url)
	}
	if fresh {
		raw, _ := json.Marshal(b)
		if err := im.src.SetCheckpoint(ctx, blobPrefix+access, string(raw)); err != nil {
			return err
		}
		im.blobStaged[access] = b
	}
	if _, ok := im.retry[access]; ok {
		delete(im.retry, access)
		if err := im.src.SetRetryFile(ctx, im.system, access, ""); err != nil {
			return err
		}
	}
	f.BlobKey, f.Size, f.SHA512Checksum = b.Key, b.Size, b.SHA512
	if f.MimeType == "" && b.Mime != "" {
		f.MimeType = b.Mime
	}
	return nil
}

// fetchContent downloads one file into the blob store, with retries; failures
// are counted and logged, the file is then imported without content.
func (im *importer) fetchContent(ctx context.Context, u, wantSHA512 string) (blobInfo, bool) {
	var b blobInfo
	var err error
	for attempt := 0; ; attempt++ {
		var retry bool
		b, retry, err = im.downloadOnce(ctx, u)
		if err == nil || !retry || attempt >= im.opt.Retries || ctx.Err() != nil {
			break
		}
		im.rep.repair("retry-5xx", 1)
		select {
		case <-ctx.Done():
			return b, false
		case <-time.After(im.opt.Backoff << attempt):
		}
	}
	var local *localError
	switch {
	case ctx.Err() != nil:
		return b, false
	case errors.As(err, &local):
		// Our disk, not the server: retrying cannot help, and the next file
		// would fail the same way.
		im.stop(&stopError{"Dateiinhalt nicht speicherbar, Import angehalten: " + local.err.Error()})
		return b, false
	case errors.Is(err, netguard.ErrForbidden):
		im.rep.repair("address-refused", 1)
		im.opt.Logger.Warn("Datei nicht geladen", "url", u, "err", errRefused(u))
		return b, false
	case errors.Is(err, errTooLarge):
		im.rep.repair("file-too-large", 1)
		return b, false
	case err != nil:
		im.rep.repair("file-download-failed", 1)
		im.opt.Logger.Warn("Datei nicht geladen", "url", u, "err", err)
		return blobInfo{retry: true}, false
	case wantSHA512 != "" && wantSHA512 != b.SHA512:
		im.rep.repair("checksum-mismatch", 1)
		im.opt.Logger.Warn("SHA-512 der Datei stimmt nicht", "url", u)
		return blobInfo{retry: true}, false
	}
	im.rep.add(&im.rep.Files, 1)
	return b, true
}

func (im *importer) downloadOnce(ctx context.Context, u string) (blobInfo, bool, error) {
	select {
	case im.sem <- struct{}{}:
	case <-ctx.Done():
		return blobInfo{}, false, ctx.Err()
	}
	defer func() { <-im.sem }()
	// Timed from here: the wait for a free slot is not download time.
	start := time.Now()
	defer func() { im.rep.addTime(&im.rep.Download, time.Since(start)) }()
	rctx, cancel := context.WithTimeout(ctx, im.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
	if err != nil {
		return blobInfo{}, false, err
	}
	req.Header.Set("User-Agent", "ratsinfo-import-oparl/1")
	res, err := im.client.Do(req)
	if err != nil {
		return blobInfo{}, !errors.Is(err, netguard.ErrForbidden), err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return blobInfo{}, res.StatusCode >= 500 || res.StatusCode == 429, fmt.Errorf("HTTP %d", res.StatusCode)
	}
	if res.ContentLength > im.opt.MaxFileSize {
		return blobInfo{}, false, errTooLarge
	}
	br := bufio.NewReaderSize(res.Body, 512)
	head, _ := br.Peek(512)
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	if ct == "" || ct == "application/octet-stream" || !strings.Contains(ct, "/") {
		im.rep.repair("mime-sniffed", 1)
		ct, _, _ = mime.ParseMediaType(http.DetectContentType(head))
	}
	body := &limited{r: br, n: im.opt.MaxFileSize}
	key, size, sha, err := im.blobs.Put(ctx, body)
	switch {
	case err == nil:
	case body.err != nil: // reading from the server failed (or the file is too large)
		return blobInfo{}, !errors.Is(body.err, errTooLarge), body.err
	case ctx.Err() != nil:
		return blobInfo{}, false, ctx.Err()
	default:
		return blobInfo{}, false, &localError{err}
	}
	return blobInfo{Key: key, Size: size, SHA512: sha, Mime: ct}, false, nil
}

// limited fails instead of truncating, so a too large file is never stored cut
// off. It keeps its read error, which tells the server's faults from our disk's.
type limited struct {
	r   io.Reader
	n   int64
	err error
}

func (l *limited) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		err = errTooLarge
	}
	if err != nil && err != io.EOF {
		l.err = err
	}
	return n, err
}

// localError is a failure of our own blob store (full disk, no permission).
type localError struct{ err error }

func (e *localError) Error() string { return e.err.Error() }
func (e *localError) Unwrap() error { return e.err }
