// Package api is the JSON API under /api/v1/ for a city's document system or a
// faction's own tools. A request authenticates with an API token
// (`Authorization: Bearer …`, made by `ratsinfo token create`); the token's
// account becomes the viewer in the context, and the store decides every right
// from it, as for the back office. Answers and errors are JSON; error messages
// are German.
package api

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/internal/httpstatus"
)

// Prefix is where the API lives.
const Prefix = "/api/v1"

// Config is what the binary hands the API.
type Config struct {
	BaseURL string // the public address; OParl ids of papers are built from it
	Store   ratsinfo.AccountStore
	// Inquiries keeps inquiries and writes answer papers.
	Inquiries InquiryStore
	// Blobs keeps the PDFs of published answers.
	Blobs ratsinfo.BlobStore
	// Printer prints answer documents; without one, publishing answers with
	// PrinterErr (a German message that says what to install).
	Printer    ratsinfo.AnswerPrinter
	PrinterErr error
	// State is whose public holidays move deadlines (default DefaultState).
	State  ratsinfo.State
	Now    func() time.Time
	Logger *slog.Logger
}

// InquiryStore is what the API needs of the store for inquiries.
type InquiryStore interface {
	ratsinfo.InquiryStore
	ratsinfo.InquiryRuleStore
	ratsinfo.AnswerPublisher
}

// Server serves the API.
type Server struct {
	baseURL    string
	store      ratsinfo.AccountStore
	inquiries  InquiryStore
	blobs      ratsinfo.BlobStore
	printer    ratsinfo.AnswerPrinter
	printerErr error
	state      ratsinfo.State
	now        func() time.Time
	log        *slog.Logger
}

// NewServer returns the API.
func NewServer(cfg Config) *Server {
	s := &Server{baseURL: strings.TrimRight(cfg.BaseURL, "/"), store: cfg.Store, inquiries: cfg.Inquiries, blobs: cfg.Blobs,
		printer: cfg.Printer, printerErr: cfg.PrinterErr, state: cfg.State, now: cfg.Now, log: cfg.Logger}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.printer == nil && s.printerErr == nil {
		s.printerErr = ratsinfo.Errorf(ratsinfo.EUNAVAILABLE, "Das Veröffentlichen von Antworten ist auf diesem Server nicht eingerichtet (kein PDF-Programm).")
	}
	return s
}

// handlerFunc is an API handler: it writes on success and returns what went
// wrong otherwise.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// Register lists every route of the API. Everything under the prefix needs a
// valid token, unknown paths included, so that the API reveals nothing to
// those without one.
func (s *Server) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET "+Prefix+"/openapi.json", serveOpenAPI)
	mux.Handle("GET "+Prefix+"/me", s.handle(s.me))
	if s.inquiries != nil {
		for _, op := range s.inquiryOperations() {
			mux.Handle(op.method+" "+Prefix+op.path, s.handle(op.fn))
		}
	}
	mux.Handle(Prefix+"/", s.handle(func(http.ResponseWriter, *http.Request) error {
		return ratsinfo.Errorf(ratsinfo.ENOTFOUND, "Diese Adresse gibt es in der API nicht.")
	}))
}

func (s *Server) handle(fn handlerFunc) http.Handler {
	return s.authenticate(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			s.writeError(w, r, err)
		}
	}))
}

// authenticate turns the bearer token into the viewer; without a valid one the
// answer is 401 with a German message.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := ratsinfo.WithViewer(r.Context(), ratsinfo.Viewer{})
		scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		token = strings.TrimSpace(token)
		if !strings.EqualFold(scheme, "Bearer") || token == "" {
			s.writeError(w, r, ratsinfo.Errorf(ratsinfo.EUNAUTHORIZED,
				"Anmeldung fehlt: Bitte einen API-Schlüssel als „Authorization: Bearer …“ senden. Einen Schlüssel erzeugt „ratsinfo token create --email …“."))
			return
		}
		acc, err := s.store.AuthenticateAPIToken(ratsinfo.SystemContext(ctx), ratsinfo.HashSecret(token))
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(ratsinfo.WithViewer(ctx, ratsinfo.AccountViewer(acc))))
	})
}

type errorBody struct {
	Error  string            `json:"error"`
	Code   string            `json:"code"`
	Fields map[string]string `json:"fields,omitempty"`
}

// writeError answers with the status of the error's code and its German
// message; internal errors are logged and shown as a generic sentence.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := ratsinfo.ErrorCode(err)
	status := httpstatus.Of(code)
	if status == http.StatusInternalServerError {
		s.log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		code = ratsinfo.EINTERNAL
	}
	body := errorBody{Error: ratsinfo.ErrorMessage(err), Code: code}
	if e, ok := err.(*ratsinfo.Error); ok {
		body.Fields = e.Fields
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="ratsinfo"`)
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
