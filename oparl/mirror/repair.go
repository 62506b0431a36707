package mirror

import (
	"encoding/json"
	"net/mail"
	"strings"

	"github.com/ratsinfo/ratsinfo"
)

// geojson returns the source's GeoJSON as a Feature with [lon, lat] points, or
// "" when it cannot be repaired. Bare geometries (spec example Paper-01) are
// wrapped; [lat, lon] points are swapped when the numbers only make sense that way
// round for Germany (latitude 47–55, longitude 5–16).
func (c *conv) geojson(raw any) string {
	m, ok := raw.(map[string]any)
	if !ok {
		if s, isStr := raw.(string); isStr && strings.TrimSpace(s) != "" {
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				c.im.rep.repair("geojson-invalid", 1)
				return ""
			}
		} else {
			return ""
		}
	}
	if t, _ := m["type"].(string); t != "Feature" && t != "FeatureCollection" {
		if _, hasCoords := m["coordinates"]; hasCoords || t == "GeometryCollection" {
			c.im.rep.repair("geojson-bare-geometry", 1)
			m = map[string]any{"type": "Feature", "properties": map[string]any{}, "geometry": m}
		}
	}
	if g, ok := m["geometry"].(map[string]any); ok && g["type"] == "Point" {
		if pt, ok := g["coordinates"].([]any); ok && len(pt) >= 2 {
			a, aok := number(pt[0])
			b, bok := number(pt[1])
			if aok && bok && a >= 47 && a <= 55 && b >= 5 && b <= 16 {
				c.im.rep.repair("geojson-lat-lon", 1)
				pt[0], pt[1] = pt[1], pt[0]
			}
		}
	}
	b, err := json.Marshal(m)
	if err != nil || ratsinfo.ValidateGeoJSON(string(b)) != nil {
		c.im.rep.repair("geojson-invalid", 1)
		return ""
	}
	return string(b)
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	}
	return 0, false
}

// ags repairs an Amtlicher Gemeindeschlüssel: 7 digits lost their leading zero
// (a spreadsheet's doing, e.g. Hürtgenwald "5358016"); anything else that is not 8
// digits is dropped.
func (c *conv) ags(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	switch {
	case s == "" || isDigits(s, 8):
		return s
	case isDigits(s, 7):
		c.im.rep.repair("ags-7-digits", 1)
		return "0" + s
	}
	c.im.rep.repair("ags-invalid", 1)
	return ""
}

func (c *conv) rgs(s string) string {
	s = strings.ReplaceAll(s, " ", "")
	switch {
	case s == "" || isDigits(s, 12):
		return s
	case isDigits(s, 11):
		c.im.rep.repair("rgs-11-digits", 1)
		return "0" + s
	}
	c.im.rep.repair("rgs-invalid", 1)
	return ""
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// emails keeps the addresses our validation accepts, after stripping "mailto:".
func (c *conv) emails(list []string) []string {
	var out []string
	for _, e := range list {
		e = strings.TrimPrefix(e, "mailto:")
		if a, err := mail.ParseAddress(e); err == nil && strings.Contains(a.Address, ".") {
			out = append(out, a.Address)
			continue
		}
		c.im.rep.repair("invalid-email", 1)
	}
	return out
}

func (c *conv) email(s string) string {
	if s == "" {
		return ""
	}
	if out := c.emails([]string{s}); len(out) == 1 {
		return out[0]
	}
	return ""
}

func (c *conv) personRepairs(p *ratsinfo.Person) {
	if p.Gender != "" && p.Gender != strings.ToLower(p.Gender) {
		c.im.rep.repair("gender-case", 1)
		p.Gender = strings.ToLower(p.Gender)
	}
}

// fileRepairs fixes what File.Validate would refuse: a MIME type like "pdf", a
// path in fileName, checksums of the wrong length.
func (c *conv) fileRepairs(f *ratsinfo.File) {
	if f.MimeType != "" && !strings.Contains(f.MimeType, "/") {
		c.im.rep.repair("mime-type", 1)
		f.MimeType = ""
	}
	f.MimeType = strings.ToLower(f.MimeType)
	if i := strings.LastIndexAny(f.FileName, `/\`); i >= 0 {
		c.im.rep.repair("file-name-path", 1)
		f.FileName = f.FileName[i+1:]
	}
	if f.SHA1Checksum != "" && len(f.SHA1Checksum) != 40 {
		c.im.rep.repair("checksum-invalid", 1)
		f.SHA1Checksum = ""
	}
	if f.SHA512Checksum != "" && len(f.SHA512Checksum) != 128 {
		c.im.rep.repair("checksum-invalid", 1)
		f.SHA512Checksum = ""
	}
	if f.Name == "" && f.FileName == "" {
		c.im.rep.repair("file-without-name", 1)
		f.Name = "Dokument"
	}
}
