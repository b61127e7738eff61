// Command skips reports, for the GOOS, GOARCH and CGO_ENABLED of its environment, which Go files
// of a module's packages the go command leaves out of the build and why. gobuild ships it as
// source and builds it with the agent's own go, so the verdict is go/build's own.
//
// Usage: skips MODULE_DIR TAGS KNOWN_OS KNOWN_ARCH (comma-separated lists); prints JSON.
package main

import (
	"encoding/json"
	"go/build"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type file struct {
	Package       string   `json:"package"`
	File          string   `json:"file"`
	Included      bool     `json:"included"`
	Invalid       bool     `json:"invalid,omitempty"`
	Reason        string   `json:"reason,omitempty"`
	Kind          string   `json:"kind,omitempty"`
	DecidingTerms []string `json:"decidingTerms,omitempty"`
	GoBuild       string   `json:"goBuild,omitempty"`
	PlusBuild     []string `json:"plusBuild,omitempty"`
	Mismatch      bool     `json:"mismatch,omitempty"`
}

func main() {
	root, _ := filepath.Abs(os.Args[1])
	ctx := build.Default
	if os.Args[2] != "" {
		ctx.BuildTags = strings.Split(os.Args[2], ",")
	}
	knownOS := set(os.Args[3])
	knownArch := set(os.Args[4])
	module := modulePath(root)
	var files []file
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
				exists(filepath.Join(path, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			return nil
		}
		dir := filepath.Dir(path)
		rel, _ := filepath.Rel(root, dir)
		pkg := module
		if rel != "." {
			pkg = module + "/" + filepath.ToSlash(rel)
		}
		files = append(files, explain(&ctx, dir, name, pkg, knownOS, knownArch))
		return nil
	})
	sort.Slice(files, func(i, j int) bool {
		if files[i].Package != files[j].Package {
			return files[i].Package < files[j].Package
		}
		return files[i].File < files[j].File
	})
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	out.Encode(files)
}

func explain(ctx *build.Context, dir, name, pkg string, knownOS, knownArch map[string]bool) file {
	f := file{Package: pkg, File: name}
	goBuild, plusBuild := constraintLines(filepath.Join(dir, name))
	f.GoBuild, f.PlusBuild = goBuild, plusBuild
	if goBuild != "" && len(plusBuild) > 0 {
		a, b := parse(goBuild, nil), parse("", plusBuild)
		eval := func(tag string) bool { return tagSatisfied(ctx, tag) }
		f.Mismatch = a != nil && b != nil && a.Eval(eval) != b.Eval(eval)
	}
	match, err := ctx.MatchFile(dir, name)
	if err != nil {
		f.Invalid, f.Kind, f.Reason = true, "INVALID", err.Error()
		return f
	}
	// MatchFile judges the name and constraints; go/build leaves out cgo files without cgo afterwards.
	if match && !ctx.CgoEnabled && importsC(filepath.Join(dir, name)) {
		f.Kind, f.Reason, f.DecidingTerms = "CGO", "the file imports \"C\" and cgo is disabled (CGO_ENABLED=0)", []string{"cgo=false"}
		return f
	}
	f.Included = match
	if match {
		return f
	}
	if part, ok := suffixMismatch(ctx, name, knownOS, knownArch); ok {
		f.Kind, f.Reason = "FILENAME", "the file name's _"+part+" suffix does not match "+ctx.GOOS+"/"+ctx.GOARCH
		f.DecidingTerms = []string{part}
		return f
	}
	expression := goBuild
	kind := "GO_BUILD"
	if expression == "" && len(plusBuild) > 0 {
		kind = "PLUS_BUILD"
	}
	if expr := parse(goBuild, plusBuild); expr != nil {
		var terms []string
		result := expr.Eval(func(tag string) bool {
			v := matchTag(ctx, tag)
			terms = append(terms, tag+"="+boolText(v))
			return v
		})
		if !result {
			f.Kind, f.DecidingTerms = classify(ctx, kind, terms), terms
			shown := goBuild
			if shown == "" {
				shown = strings.Join(plusBuild, " ")
			}
			f.Reason = "constraint '" + shown + "' is false for " + ctx.GOOS + "/" + ctx.GOARCH + " (" + strings.Join(terms, ", ") + ")"
			return f
		}
	}
	if !ctx.CgoEnabled && importsC(filepath.Join(dir, name)) {
		f.Kind, f.Reason, f.DecidingTerms = "CGO", "the file imports \"C\" and cgo is disabled (CGO_ENABLED=0)", []string{"cgo=false"}
		return f
	}
	f.Kind, f.Reason = "OTHER", "excluded by the go command"
	return f
}

// classify names the deciding kind of a false constraint: cgo, a release tag newer than the
// toolchain, a custom tag not set, or the platform.
func classify(ctx *build.Context, kind string, terms []string) string {
	for _, t := range terms {
		tag := strings.TrimSuffix(strings.TrimSuffix(t, "=false"), "=true")
		if strings.HasSuffix(t, "=false") && tag == "cgo" {
			return "CGO"
		}
		if strings.HasSuffix(t, "=false") && strings.HasPrefix(tag, "go1.") {
			return "RELEASE_TAG"
		}
	}
	for _, t := range terms {
		tag := strings.TrimSuffix(t, "=false")
		if strings.HasSuffix(t, "=false") && !platformTag(ctx, tag) {
			return "CUSTOM_TAG"
		}
	}
	return kind
}

func platformTag(ctx *build.Context, tag string) bool {
	known := []string{"unix", "gc", "gccgo", "linux", "darwin", "windows", "android", "ios", "illumos", "solaris", "freebsd",
		"netbsd", "openbsd", "dragonfly", "aix", "plan9", "js", "wasip1", "hurd", "zos"}
	for _, k := range known {
		if tag == k {
			return true
		}
	}
	return strings.Contains(tag, ".") || tag == ctx.GOARCH || len(tag) <= 8 && strings.ContainsAny(tag, "0123456789")
}

func matchTag(ctx *build.Context, tag string) bool {
	return tagSatisfied(ctx, tag)
}

func tagSatisfied(ctx *build.Context, tag string) bool {
	if tag == ctx.GOOS || tag == ctx.GOARCH || tag == ctx.Compiler {
		return true
	}
	if ctx.CgoEnabled && tag == "cgo" {
		return true
	}
	if tag == "unix" && unixOS[ctx.GOOS] {
		return true
	}
	if tag == "linux" && ctx.GOOS == "android" || tag == "solaris" && ctx.GOOS == "illumos" || tag == "darwin" && ctx.GOOS == "ios" {
		return true
	}
	for _, t := range ctx.BuildTags {
		if t == tag {
			return true
		}
	}
	for _, t := range ctx.ToolTags {
		if t == tag {
			return true
		}
	}
	for _, t := range ctx.ReleaseTags {
		if t == tag {
			return true
		}
	}
	return false
}

var unixOS = map[string]bool{"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "linux": true, "netbsd": true, "openbsd": true, "solaris": true}

func parse(goBuild string, plusBuild []string) constraint.Expr {
	if goBuild != "" {
		expr, err := constraint.Parse(goBuild)
		if err == nil {
			return expr
		}
		return nil
	}
	var all constraint.Expr
	for _, line := range plusBuild {
		expr, err := constraint.Parse(line)
		if err != nil {
			continue
		}
		if all == nil {
			all = expr
		} else {
			all = &constraint.AndExpr{X: all, Y: expr}
		}
	}
	return all
}

// constraintLines reads the //go:build and // +build lines of the file's header.
func constraintLines(path string) (string, []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil
	}
	var goBuild string
	var plusBuild []string
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "package ") {
			break
		}
		if constraint.IsGoBuild(trimmed) {
			goBuild = trimmed
		} else if constraint.IsPlusBuild(trimmed) {
			plusBuild = append(plusBuild, trimmed)
		}
	}
	return goBuild, plusBuild
}

// suffixMismatch applies the _GOOS, _GOARCH and _GOOS_GOARCH file name rule.
func suffixMismatch(ctx *build.Context, name string, knownOS, knownArch map[string]bool) (string, bool) {
	stem := strings.TrimSuffix(name, ".go")
	if i := strings.Index(stem, "_"); i < 0 {
		return "", false
	} else {
		stem = stem[i:]
	}
	parts := strings.Split(stem, "_")
	n := len(parts)
	if n >= 2 && knownOS[parts[n-2]] && knownArch[parts[n-1]] {
		if !tagSatisfied(ctx, parts[n-2]) {
			return parts[n-2], true
		}
		if parts[n-1] != ctx.GOARCH {
			return parts[n-1], true
		}
		return "", false
	}
	if n >= 1 && knownOS[parts[n-1]] && !tagSatisfied(ctx, parts[n-1]) {
		return parts[n-1], true
	}
	if n >= 1 && knownArch[parts[n-1]] && parts[n-1] != ctx.GOARCH {
		return parts[n-1], true
	}
	return "", false
}

func importsC(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), `"C"`) {
		return false // Most files never mention "C": skip the parse.
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, data, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return true
		}
	}
	return false
}

func modulePath(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "module ") {
			return strings.Trim(strings.TrimSpace(strings.TrimPrefix(line, "module")), `"`)
		}
	}
	return ""
}

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split(list, ",") {
		if s != "" {
			m[s] = true
		}
	}
	return m
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
