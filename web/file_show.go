package web

import (
	"maps"
	"net/http"
	"net/url"
	"slices"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/netguard"
)

// fileShowPage describes a file and where it belongs, with links to view and
// download it. A file attached only to hidden things is not found.
type fileShowPage struct {
	Page
	File     fileRow
	License  string
	Meetings []meetingRow
	Papers   []paperRow
	Report   string
	// Source is the host that holds the document when we do not (a mirrored
	// file whose download has not succeeded yet).
	Source string
}

func (s *Server) fileShow(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		return err
	}
	f, err := loadLive(ctx, s.store.FindFileByID, ratsinfo.KindFile, id)
	if err != nil {
		return err
	}
	meetings, err := s.meetingsByID(ctx, f.MeetingIDs)
	if err != nil {
		return err
	}
	papers, err := s.papersByID(ctx, f.PaperIDs)
	if err != nil {
		return err
	}
	orgs, err := s.orgsOfMeetings(ctx, slices.Collect(maps.Values(meetings)))
	if err != nil {
		return err
	}
	row := s.fileRowOf(f, "")
	p := &fileShowPage{Page: s.newPage(r, row.Name, ""), File: row, License: f.FileLicense}
	p.LastModified = f.Modified
	if f.BlobKey == "" && f.SourceURL != "" && netguard.PublicHost(f.SourceURL) {
		if u, err := url.Parse(f.SourceURL); err == nil {
			p.Source = u.Host
		}
	}
	for _, mid := range f.MeetingIDs {
		if m, ok := meetings[mid]; ok {
			p.Meetings = append(p.Meetings, meetingRowOf(m, orgs))
		}
	}
	for _, pid := range f.PaperIDs {
		if x, ok := papers[pid]; ok {
			p.Papers = append(p.Papers, paperRowOf(x))
			p.LastModified = latest(p.LastModified, x.Modified)
		}
	}
	if len(p.Papers) > 0 {
		p.Crumbs = []Link{{Label: p.T("Vorlagen"), URL: ratsinfo.WebListPath(ratsinfo.KindPaper)}, {Label: p.Papers[0].Name, URL: p.Papers[0].URL}}
	} else if len(p.Meetings) > 0 {
		p.Crumbs = []Link{{Label: p.T("Sitzungen"), URL: ratsinfo.WebListPath(ratsinfo.KindMeeting)}, {Label: p.Meetings[0].Name, URL: p.Meetings[0].URL}}
	}
	return s.render(w, r, http.StatusOK, "file_show", p)
}
