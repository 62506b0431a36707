package ratsinfo

import (
	"regexp"
	"strings"
)

// File is a document: an attachment, an invitation, minutes, a paper's main file.
// Its content lives in blob storage under BlobKey; Text is the extracted plain text.
// A file is visible to a viewer when it is attached to something that viewer may see.
type File struct {
	Meta
	BodyID             int64
	Name               string
	FileName           string
	MimeType           string
	Date               Date
	Size               int64
	SHA1Checksum       string
	SHA512Checksum     string
	Text               string
	ExternalServiceURL string
	MasterFileID       int64
	FileLicense        string
	BlobKey            string
	// SourceURL is where a mirrored file's content is at its source (the
	// foreign accessUrl). Until BlobKey is set, our accessUrl redirects there.
	SourceURL string

	// Filled by reads of a single file (OParl back-references).
	DerivativeFileIDs []int64
	MeetingIDs        []int64
	AgendaItemIDs     []int64
	PaperIDs          []int64
}

var mimePattern = regexp.MustCompile(`^[a-z]+/[a-zA-Z0-9.+_-]+(;.*)?$`)
var hexPattern = regexp.MustCompile(`^[0-9a-f]+$`)

// Validate trims and checks f.
func (f *File) Validate() error {
	v := newValidator(KindFile)
	v.meta(&f.Meta)
	if f.BodyID <= 0 {
		v.add("body", "Die Datei braucht eine Körperschaft.")
	}
	v.text("name", &f.Name)
	v.text("fileName", &f.FileName)
	if strings.ContainsAny(f.FileName, `/\`) {
		v.add("fileName", "Der Dateiname darf keine Schrägstriche enthalten.")
	}
	v.text("mimeType", &f.MimeType)
	if f.MimeType != "" && !mimePattern.MatchString(f.MimeType) {
		v.add("mimeType", "Der Dateityp muss ein MIME-Typ wie application/pdf sein.")
	}
	if f.Size < 0 {
		v.add("size", "Die Dateigröße kann nicht negativ sein.")
	}
	f.SHA1Checksum = strings.ToLower(strings.TrimSpace(f.SHA1Checksum))
	if f.SHA1Checksum != "" && (len(f.SHA1Checksum) != 40 || !hexPattern.MatchString(f.SHA1Checksum)) {
		v.add("sha1Checksum", "Eine SHA-1-Prüfsumme hat 40 Hexadezimalzeichen.")
	}
	f.SHA512Checksum = strings.ToLower(strings.TrimSpace(f.SHA512Checksum))
	if f.SHA512Checksum != "" && (len(f.SHA512Checksum) != 128 || !hexPattern.MatchString(f.SHA512Checksum)) {
		v.add("sha512Checksum", "Eine SHA-512-Prüfsumme hat 128 Hexadezimalzeichen.")
	}
	v.text("text", &f.Text)
	v.url("externalServiceUrl", &f.ExternalServiceURL)
	v.url("fileLicense", &f.FileLicense)
	v.text("blobKey", &f.BlobKey)
	v.url("sourceUrl", &f.SourceURL)
	if f.Name == "" && f.FileName == "" {
		v.add("name", "Die Datei braucht einen Namen oder Dateinamen.")
	}
	return v.err()
}
