package validate

import (
	"context"
	"net/http"
	"strings"
)

// sampleFile remembers the first files seen for the header checks; files
// can be large and many, so only a sample is fetched.
func (c *checker) sampleFile(obj map[string]any) {
	if del, _ := obj["deleted"].(bool); del || c.opt.FileSample < 0 {
		return
	}
	a, d := str(obj["accessUrl"]), str(obj["downloadUrl"])
	if !isURL(a) {
		return
	}
	if !isURL(d) {
		d = ""
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.files) < c.opt.FileSample {
		c.files = append(c.files, fileRef{a, d})
	}
}

// checkFiles fetches the sampled files and checks the headers chapter 2.7
// asks for. Only headers matter, so no body is read.
func (c *checker) checkFiles(ctx context.Context) {
	c.mu.Lock()
	files := c.files
	c.mu.Unlock()
	for _, f := range files {
		if h := c.fileHeaders(ctx, f.access); h != nil {
			if strings.Contains(strings.ToLower(h.Get("Content-Disposition")), "attachment") {
				c.add("file.access-attachment", f.access, "Content-Disposition: %q", h.Get("Content-Disposition"))
			}
		}
		if f.download == "" {
			continue
		}
		if h := c.fileHeaders(ctx, f.download); h != nil {
			cd := strings.ToLower(h.Get("Content-Disposition"))
			if !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, "filename") {
				c.add("file.download-disposition", f.download, "Content-Disposition: %q", h.Get("Content-Disposition"))
			}
		}
	}
}

func (c *checker) fileHeaders(ctx context.Context, u string) http.Header {
	resp, err := c.get(ctx, u, 0)
	if err != nil {
		if ctx.Err() == nil {
			c.add("file.status", u, "Abruf fehlgeschlagen: %v", err)
		}
		return nil
	}
	if resp.status != http.StatusOK {
		c.add("file.status", u, "HTTP %d", resp.status)
		return nil
	}
	if resp.header.Get("ETag") == "" && resp.header.Get("Last-Modified") == "" {
		c.add("file.cache-headers", u, "weder ETag noch Last-Modified")
	}
	return resp.header
}
