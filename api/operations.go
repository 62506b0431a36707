package api

import (
	_ "embed"
	"net/http"

	"github.com/ratsinfo/ratsinfo"
)

// operation is one route of the API with the operationId that
// openapi.json gives it; a test keeps both lists equal.
type operation struct {
	id, method, path string
	fn               handlerFunc
}

func (s *Server) inquiryOperations() []operation {
	return []operation{
		{"createInquiry", "POST", "/inquiries", s.createInquiry},
		{"listInquiries", "GET", "/inquiries", s.listInquiries},
		{"getInquiry", "GET", "/inquiries/{id}", s.getInquiry},
		{"listInquiryEvents", "GET", "/inquiries/{id}/events", s.listInquiryEvents},
		{"registerInquiry", "POST", "/inquiries/{id}/register", s.registerInquiry},
		{"answerQuestion", "PUT", "/inquiries/{id}/questions/{number}/answer", s.answerQuestion},
		{"giveInterimAnswer", "POST", "/inquiries/{id}/interim-answer", s.giveInterimAnswer},
		{"extendDeadline", "POST", "/inquiries/{id}/deadline-extension", s.extendDeadline},
		{"submitAnswer", "POST", "/inquiries/{id}/submit-answer", s.step(ratsinfo.ActionSubmitAnswer)},
		{"signOffAnswer", "POST", "/inquiries/{id}/sign-off", s.signOffAnswer},
		{"publishAnswer", "POST", "/inquiries/{id}/publish", s.publishAnswer},
		{"withdrawInquiry", "POST", "/inquiries/{id}/withdraw", s.step(ratsinfo.ActionWithdraw)},
		{"listInquiryRules", "GET", "/inquiry-rules", s.listInquiryRules},
		{"setInquiryRule", "PUT", "/inquiry-rules/{paperType}", s.setInquiryRule},
		{"deleteInquiryRule", "DELETE", "/inquiry-rules/{paperType}", s.deleteInquiryRule},
	}
}

//go:embed openapi.json
var openAPI []byte

// serveOpenAPI answers GET /api/v1/openapi.json without a token: the
// description of the API is public.
func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(openAPI)
}
