package mirror

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// repairNames explains each repair kind in German for the final report.
var repairNames = map[string]string{
	"trailing-blank":          "Leerzeichen am Anfang/Ende entfernt",
	"empty-string":            "leere Zeichenkette weggelassen",
	"na-value":                "Platzhalter wie „N/A“ weggelassen",
	"ags-7-digits":            "Gemeindeschlüssel mit 7 Ziffern um führende 0 ergänzt",
	"ags-invalid":             "ungültiger Gemeindeschlüssel weggelassen",
	"rgs-11-digits":           "Regionalschlüssel mit 11 Ziffern um führende 0 ergänzt",
	"rgs-invalid":             "ungültiger Regionalschlüssel weggelassen",
	"geojson-lat-lon":         "GeoJSON-Koordinaten [Breite, Länge] getauscht",
	"geojson-bare-geometry":   "GeoJSON-Geometrie in ein Feature verpackt",
	"geojson-invalid":         "unbrauchbare GeoJSON-Daten weggelassen",
	"missing-created":         "Objekt ohne „created“ (Importzeit verwendet)",
	"missing-modified":        "Objekt ohne „modified“ (Importzeit verwendet)",
	"object-instead-of-array": "Einzelwert statt Liste angenommen",
	"array-instead-of-object": "Liste statt Einzelwert angenommen",
	"id-differs-from-url":     "id weicht von der abgerufenen URL ab (beide zugeordnet)",
	"empty-list-404":          "leere Liste als HTTP 404 beantwortet",
	"filter-lost":             "modified_since fehlte im next-Link und wurde ergänzt",
	"pagination-loop":         "Seitenschleife erkannt und beendet",
	"missing-linked-object":   "Verweis auf fehlendes Objekt weggelassen",
	"html-error-page":         "HTML-Fehlerseite statt JSON, erneut versucht",
	"retry-5xx":               "Serverfehler (5xx/429), erneut versucht",
	"retry-network":           "Netzwerkfehler, erneut versucht",
	"timeout":                 "Zeitüberschreitung, erneut versucht",
	"tombstone-without-type":  "gelöschtes Objekt ohne „type“",
	"invalid-url":             "ungültige URL weggelassen",
	"invalid-email":           "ungültige E-Mail-Adresse weggelassen",
	"email-cleaned":           "„mailto:“ oder Anzeigename von der E-Mail-Adresse entfernt",
	"invalid-date":            "unlesbares Datum weggelassen",
	"date-time-as-date":       "Zeitpunkt statt Datum gekürzt",
	"organization-type":       "unbekannte Gremienart als „Sonstiges“ übernommen",
	"end-before-start":        "Ende vor Beginn weggelassen",
	"agenda-item-order":       "„order“ durch Position in der Tagesordnung ersetzt",
	"mime-type":               "ungültiger MIME-Typ weggelassen (wo möglich aus dem Inhalt bestimmt)",
	"mime-type-case":          "MIME-Typ klein geschrieben",
	"mime-sniffed":            "Dateityp aus dem Inhalt bestimmt",
	"checksum-invalid":        "ungültige Prüfsumme weggelassen",
	"checksum-mismatch":       "SHA-512 stimmt nicht, Inhalt verworfen",
	"file-too-large":          "Datei zu groß, ohne Inhalt übernommen",
	"file-download-failed":    "Datei nicht ladbar, ohne Inhalt übernommen",
	"file-without-url":        "Datei ohne accessUrl",
	"file-without-name":       "Datei ohne Namen („Dokument“)",
	"file-name-path":          "Pfad aus dem Dateinamen entfernt",
	"paper-without-name":      "Vorlage ohne Namen (Aktenzeichen verwendet)",
	"gender-case":             "Geschlecht klein geschrieben",
	"address-refused":         "Adresse nicht erlaubt (internes Netz), nicht abgerufen",
	"control-character":       "Steuerzeichen (z. B. NUL) entfernt",
	"text-truncated":          "überlanger Text auf die Höchstlänge gekürzt",
	"foreign-id":              "Objekt mit id außerhalb des Systems nicht übernommen",
	"foreign-object":          "Objekt eines anderen Systems im selben Datenordner nicht angetastet",
}

// WriteText writes the report in German for the operator.
func (r *Report) WriteText(w io.Writer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "OParl-Import von %s\n", r.System)
	secs := r.Duration.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(r.Objects) / secs
	}
	fmt.Fprintf(&b, "%d Objekte gelesen (%d neu, %d geändert, %d unverändert, %d gelöscht), %d Dateien geladen\n",
		r.Objects, r.Created, r.Updated, r.Unchanged, r.Deleted, r.Files)
	fmt.Fprintf(&b, "%d Listen, %d Seiten, %d Anfragen in %s (%.0f Objekte/s)\n",
		r.Lists, r.Pages, r.Requests, r.Duration.Round(time.Millisecond), rate)
	fmt.Fprintf(&b, "Zeitanteile: Abruf %s, Schreiben %s, Dateien %s (Abruf und Dateien summiert über parallele Anfragen)\n",
		r.Fetch.Round(time.Millisecond), r.Write.Round(time.Millisecond), r.Download.Round(time.Millisecond))
	writeCounts(&b, "Reparaturen", r.Repairs, func(k string) string {
		if n, ok := repairNames[k]; ok {
			return n + " [" + k + "]"
		}
		return k
	})
	writeCounts(&b, "Übersprungen (auch nach Reparatur ungültig; Felder in Klammern)", r.Skipped, func(k string) string { return k })
	if len(r.Failures) > 0 {
		fmt.Fprintf(&b, "Nicht lesbar (%d, wird beim nächsten Lauf erneut versucht):\n", len(r.Failures))
		for i, f := range r.Failures {
			if i == 20 {
				fmt.Fprintf(&b, "  … und %d weitere\n", len(r.Failures)-20)
				break
			}
			fmt.Fprintf(&b, "  %s\n", f)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCounts(b *strings.Builder, title string, m map[string]int, name func(string) string) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	fmt.Fprintf(b, "%s:\n", title)
	for _, k := range keys {
		fmt.Fprintf(b, "  %6d  %s\n", m[k], name(k))
	}
}
