package web

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
var staticFS embed.FS

// assets serves the embedded static files under URLs that contain their content
// hash, so browsers may keep them for a year and a new release is fetched at once.
type assets struct {
	byURL  map[string]asset  // "/static/style.1a2b3c4d.css" → asset
	byName map[string]string // "style.css" → its URL
}

type asset struct {
	body        []byte
	contentType string
}

func newAssets() *assets {
	a := &assets{byURL: map[string]asset{}, byName: map[string]string{}}
	files, err := fs.ReadDir(staticFS, "static")
	if err != nil {
		panic(err)
	}
	for _, f := range files {
		body, err := staticFS.ReadFile("static/" + f.Name())
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
	return a
}

// url returns the hashed URL of an embedded file.
func (a *assets) url(name string) string { return a.byName[name] }

func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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
