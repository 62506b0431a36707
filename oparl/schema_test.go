package oparl

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// schemaDir holds the OParl draft-07 schemas (testdata/schema/README.md says
// where they come from and under which licence). The
// check below is a small interpreter for the subset those files use (type, const,
// enum, required, items, $ref to another type, unknown properties), so it needs
// no dependency; the Body.mainOrganization "$ref": "Organization" next to
// "type": "string" is a known schema bug and is not followed.
const schemaDir = "testdata/schema"

type schemaNode struct {
	Type       string                 `json:"type"`
	Const      string                 `json:"const"`
	Enum       []string               `json:"enum"`
	Required   []string               `json:"required"`
	Properties map[string]*schemaNode `json:"properties"`
	Items      *schemaNode            `json:"items"`
	Ref        string                 `json:"$ref"`
}

func loadSchemas(t testing.TB) map[string]*schemaNode {
	files, _ := filepath.Glob(filepath.Join(schemaDir, "*.json"))
	if len(files) == 0 {
		t.Fatalf("OParl-Schemata fehlen in %s", schemaDir)
	}
	out := map[string]*schemaNode{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		must(t, err)
		var n schemaNode
		must(t, json.Unmarshal(data, &n))
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = &n
	}
	return out
}

// checkSchema validates every OParl object inside v (list pages included) against
// its type's schema and returns the problems found.
func checkSchema(schemas map[string]*schemaNode, v any) []string {
	var errs []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			if typ, _ := x["type"].(string); strings.HasPrefix(typ, schemaBase) && typ != typeError {
				if s := schemas[strings.TrimPrefix(typ, schemaBase)]; s != nil && x["deleted"] != true {
					errs = append(errs, validateNode(schemas, s, x, fmt.Sprint(x["id"]))...)
				}
			}
			for k, e := range x {
				if k != "geojson" {
					walk(e)
				}
			}
		}
	}
	walk(v)
	return errs
}

func validateNode(schemas map[string]*schemaNode, s *schemaNode, v any, where string) []string {
	if s.Ref != "" && s.Type == "" {
		if ref := schemas[strings.TrimSuffix(s.Ref, ".json")]; ref != nil {
			return validateNode(schemas, ref, v, where)
		}
	}
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, where+": "+fmt.Sprintf(format, args...)) }
	switch s.Type {
	case "string":
		str, ok := v.(string)
		if !ok {
			bad("want string, got %T", v)
		} else if s.Const != "" && str != s.Const {
			bad("want %q, got %q", s.Const, str)
		} else if len(s.Enum) > 0 && !contains(s.Enum, str) {
			bad("%q not in %v", str, s.Enum)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("want boolean, got %T", v)
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			bad("want integer, got %v", v)
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			bad("want array, got %T", v)
		}
		for i, e := range arr {
			if s.Items != nil {
				errs = append(errs, validateNode(schemas, s.Items, e, fmt.Sprintf("%s[%d]", where, i))...)
			}
		}
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			bad("want object, got %T", v)
			break
		}
		for _, r := range s.Required {
			if _, ok := obj[r]; !ok {
				bad("required property %s missing", r)
			}
		}
		for k, e := range obj {
			p := s.Properties[k]
			switch {
			case p != nil && k != "geojson":
				errs = append(errs, validateNode(schemas, p, e, where+"."+k)...)
			case p == nil && s.Properties != nil && !strings.Contains(k, ":"):
				bad("property %s is not in the schema (vendor properties need a prefix)", k)
			}
		}
	}
	return errs
}

func TestSchemaOfGoldenObjects(t *testing.T) {
	schemas := loadSchemas(t)
	if schemas == nil {
		t.Skip("no schemas")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	if len(files) == 0 {
		t.Skip("no golden files yet")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		must(t, err)
		var v any
		must(t, json.Unmarshal(data, &v))
		for _, e := range checkSchema(schemas, v) {
			t.Errorf("%s: %s", filepath.Base(f), e)
		}
	}
}
