package site

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var kitStatic embed.FS

// Assets serves the static files, the kit's stylesheet and a surface's own,
// under URLs that contain their content hash, so browsers may keep them for a
// year and a new release is fetched at once.
type Assets struct {
	byURL  map[string]asset  // "/static/style.1a2b3c4d.css" → asset
	byName map[string]string // "style.css" → its URL
}

type asset struct {
	body        []byte
	contentType string
}

// newAssets hashes the kit's files and then the surface's (own may be nil); a
// surface file of the same name replaces the kit's.
func newAssets(own fs.FS) *Assets {
	a := &Assets{byURL: map[string]asset{}, byName: map[string]string{}}
	kit, err := fs.Sub(kitStatic, "static")
	if err != nil {
		panic(err)
	}
	a.add(kit)
	if own != nil {
		a.add(own)
	}
	return a
}

func (a *Assets) add(files fs.FS) {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err)
	}
	for _, f := range entries {
		if f.IsDir() {
			continue
		}
		body, err := fs.ReadFile(files, f.Name())
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(body)
		ext := path.Ext(f.Name())
		url := "/static/" + strings.TrimSuffix(f.Name(), ext) + "." + hex.EncodeToString(sum[:6]) + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		a.byURL[url] = asset{body: body, contentType: ct}
		a.byName[f.Name()] = url
	}
}

// URL returns the hashed URL of a static file by its name ("style.css").
func (a *Assets) URL(name string) string { return a.byName[name] }

// ServeHTTP answers a hashed URL with its file, to be kept for a year.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.byURL[r.URL.Path]
	if !ok {
		http.Error(w, "Diese Datei gibt es nicht (mehr).", http.StatusNotFound)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("X-Content-Type-Options", "nosniff")
	w.Write(f.body)
}
