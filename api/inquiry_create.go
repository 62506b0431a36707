package api

import (
	"net/http"
	"strconv"

	"github.com/ratsinfo/ratsinfo"
)

type createInquiryRequest struct {
	Body      int64  `json:"body"`
	PaperType string `json:"paperType"`
	Title     string `json:"title"`
	Preamble  string `json:"preamble"`
	Questions []struct {
		Text   string   `json:"text"`
		Points []string `json:"points"`
	} `json:"questions"`
	Inquirers               []int64 `json:"inquirers"`
	Faction                 int64   `json:"faction"`
	ExternalInquirer        string  `json:"externalInquirer"`
	ExternalInquirerConsent bool    `json:"externalInquirerConsent"`
	PreferredCommittee      int64   `json:"preferredCommittee"`
	Confidential            bool    `json:"confidential"`
	// Draft keeps the inquiry as a draft instead of submitting it.
	Draft bool `json:"draft"`
}

// createInquiry answers POST /api/v1/inquiries: the inquiry is created and, unless
// "draft": true, submitted at once.
func (s *Server) createInquiry(w http.ResponseWriter, r *http.Request) error {
	var req createInquiryRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	body, err := bodyOf(ratsinfo.ViewerFrom(r.Context()), req.Body)
	if err != nil {
		return err
	}
	q := &ratsinfo.Inquiry{BodyID: body, PaperType: req.PaperType, Title: req.Title, Preamble: req.Preamble, InquirerPersonIDs: req.Inquirers,
		FactionID: req.Faction, ExternalInquirer: req.ExternalInquirer, ExternalInquirerConsent: req.ExternalInquirerConsent,
		PreferredCommitteeID: req.PreferredCommittee, Confidential: req.Confidential}
	for _, rq := range req.Questions {
		q.Questions = append(q.Questions, ratsinfo.Question{Text: rq.Text, Points: rq.Points})
	}
	if err := s.inquiries.CreateInquiry(r.Context(), q); err != nil {
		return err
	}
	if !req.Draft {
		if q, err = s.inquiries.StepInquiry(r.Context(), q.ID, ratsinfo.ActionSubmit, ""); err != nil {
			return err
		}
	}
	w.Header().Set("Location", Prefix+"/inquiries/"+strconv.FormatInt(q.ID, 10))
	writeJSON(w, http.StatusCreated, s.inquiryJSON(q))
	return nil
}
