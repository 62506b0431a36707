package oparl

import (
	"cmp"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// maxRanges is how many parts a download request may ask for at once. Readers
// resuming a download or a PDF viewer fetching pages ask for one or a few; a
// request for hundreds of tiny or overlapping parts only makes the multipart
// answer many times larger than the file.
const maxRanges = 4

// limitRanges returns r without its Range header when the header asks for more
// than maxRanges parts or for parts that overlap; the file is then sent whole
// with 200, as RFC 9110 (14.2) allows a server to ignore Range. A Range header
// that does not parse is left to http.ServeContent, which answers it as the
// standard says.
func limitRanges(r *http.Request, content io.Seeker) *http.Request {
	h := r.Header.Get("Range")
	if h == "" || !strings.Contains(h, ",") {
		return r
	}
	size, err := content.Seek(0, io.SeekEnd)
	if err != nil {
		return r
	}
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return r
	}
	parts, ok := parseRanges(h, size)
	if !ok || len(parts) <= maxRanges && !overlapping(parts) {
		return r
	}
	r2 := *r
	r2.Header = r.Header.Clone()
	r2.Header.Del("Range")
	return &r2
}

// span is a resolved byte range, both ends inclusive.
type span struct{ start, end int64 }

// parseRanges resolves "bytes=a-b,c-,-n" against size; ok is false for anything
// it does not understand. Parts beyond the end are left out, as ServeContent
// leaves them out.
func parseRanges(h string, size int64) ([]span, bool) {
	spec, found := strings.CutPrefix(h, "bytes=")
	if !found {
		return nil, false
	}
	var out []span
	for _, part := range strings.Split(spec, ",") {
		a, b, found := strings.Cut(strings.TrimSpace(part), "-")
		if !found {
			return nil, false
		}
		var s span
		if a == "" {
			n, err := strconv.ParseInt(b, 10, 64)
			if err != nil || n < 0 {
				return nil, false
			}
			s = span{max(0, size-n), size - 1}
		} else {
			start, err := strconv.ParseInt(a, 10, 64)
			if err != nil || start < 0 {
				return nil, false
			}
			end := size - 1
			if b != "" {
				if end, err = strconv.ParseInt(b, 10, 64); err != nil || end < start {
					return nil, false
				}
			}
			s = span{start, min(end, size-1)}
		}
		if s.start < size && s.start <= s.end {
			out = append(out, s)
		}
	}
	return out, true
}

// overlapping reports whether any two parts share a byte.
func overlapping(parts []span) bool {
	sorted := slices.Clone(parts)
	slices.SortFunc(sorted, func(x, y span) int { return cmp.Compare(x.start, y.start) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].start <= sorted[i-1].end {
			return true
		}
	}
	return false
}
