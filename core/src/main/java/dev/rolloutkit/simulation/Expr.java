package dev.rolloutkit.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of Argo's condition language users write, as Argo v1.9 compiles and runs it: the expr
 * engine (antonmedv/expr v1.15.5) with Argo's environment (utils/evaluate/evaluate.go): {@code
 * result} and the functions {@code asInt, asFloat, isNaN, isInf, isNil, default}. A condition is
 * parsed, type-checked against the Go type of the result (expr's checker/checker.go), then run
 * (vm/vm.go, vm/runtime). Anything outside the supported grammar is refused with {@link
 * CannotSimulateException}, never guessed.
 *
 * <p>Go values are Java values: {@code float64} a {@link Double}, {@code int} a {@link Long},
 * {@code int64} an {@link Int64}, {@code []float64} a {@code double[]}, {@code []interface{}} a
 * {@link List}, {@code bool} a {@link Boolean}, {@code string} a {@link String}, {@code nil} null.
 */
final class Expr {

  private Expr() {}

  /** Go's {@code int64} (what {@code asInt} returns), apart from Go's {@code int}. */
  record Int64(long value) {}

  /** A compile or run error: the message Argo stores in the measurement. */
  static final class GoError extends Exception {
    GoError(String message) {
      super(message, null, false, false);
    }
  }

  // ---------------------------------------------------------------- types (Go reflect types)

  /** The Go types the checker meets. NIL is Go's untyped nil (reflect.TypeOf(nil)). */
  enum T {
    NIL("<nil>"),
    BOOL("bool"),
    INT("int"),
    INT64("int64"),
    FLOAT64("float64"),
    STRING("string"),
    FLOATS("[]float64"),
    ANYS("[]interface {}"),
    ANY("interface {}"),
    /** An interface type the checker makes up (v1.17 prints it as "unknown"). */
    UNKNOWN("interface {}"),
    FUNC("func");

    final String go;

    T(String go) {
      this.go = go;
    }

    boolean any() {
      return this == ANY || this == UNKNOWN;
    }

    boolean integer() {
      return this == INT || this == INT64;
    }

    boolean number() {
      return integer() || this == FLOAT64;
    }

    boolean array() {
      return this == FLOATS || this == ANYS;
    }

    /** reflect.Kind, as isComparable compares it. */
    String kind() {
      return switch (this) {
        case FLOATS, ANYS -> "slice";
        case UNKNOWN -> "ANY";
        default -> name();
      };
    }

    T elem() {
      return this == FLOATS ? FLOAT64 : ANY;
    }

    @Override
    public String toString() {
      return go;
    }
  }

  static T typeOf(Object v) {
    if (v == null) {
      return T.NIL;
    }
    if (v instanceof Double) {
      return T.FLOAT64;
    }
    if (v instanceof Long) {
      return T.INT;
    }
    if (v instanceof Int64) {
      return T.INT64;
    }
    if (v instanceof double[]) {
      return T.FLOATS;
    }
    if (v instanceof List) {
      return T.ANYS;
    }
    if (v instanceof Boolean) {
      return T.BOOL;
    }
    if (v instanceof String) {
      return T.STRING;
    }
    throw new IllegalArgumentException("not a Go value: " + v.getClass());
  }

  // ---------------------------------------------------------------- syntax

  interface Node {}

  record Nil() implements Node {}

  record Bool(boolean value) implements Node {}

  record Int(long value) implements Node {}

  record Flt(double value) implements Node {}

  record Str(String value) implements Node {}

  record Ident(String name) implements Node {}

  record Pointer() implements Node {}

  record Unary(String op, Node node) implements Node {}

  record Binary(String op, Node left, Node right) implements Node {}

  record Index(Node base, Node index) implements Node {}

  record Call(String name, List<Node> args) implements Node {}

  /** A builtin: len, or a predicate (all, any, none) over a collection. */
  record Builtin(String name, List<Node> args) implements Node {}

  record Closure(Node body) implements Node {}

  record Conditional(Node cond, Node then, Node otherwise) implements Node {}

  record Array(List<Node> nodes) implements Node {}

  static final Set<String> FUNCTIONS =
      Set.of("asInt", "asFloat", "isNaN", "isInf", "isNil", "default");
  static final Set<String> PREDICATES = Set.of("all", "any", "none");

  /** expr v1.15's builtins and predicates, which the supported grammar does not include. */
  static final Set<String> UNSUPPORTED_BUILTINS =
      Set.of(
          "one",
          "filter",
          "map",
          "count",
          "find",
          "findIndex",
          "findLast",
          "findLastIndex",
          "groupBy",
          "reduce",
          "type",
          "abs",
          "int",
          "float",
          "string",
          "trim",
          "trimPrefix",
          "trimSuffix",
          "upper",
          "lower",
          "split",
          "splitAfter",
          "replace",
          "repeat",
          "join",
          "indexOf",
          "lastIndexOf",
          "hasPrefix",
          "hasSuffix",
          "max",
          "min",
          "sum",
          "mean",
          "median",
          "toJSON",
          "fromJSON",
          "toBase64",
          "fromBase64",
          "now",
          "duration",
          "date",
          "first",
          "last",
          "get",
          "keys",
          "values",
          "toPairs",
          "fromPairs",
          "sort",
          "sortBy",
          "round",
          "ceil",
          "floor",
          "concat",
          "flatten",
          "uniq",
          "bitand",
          "bitor",
          "bitxor",
          "bitnand",
          "bitnot",
          "bitshl",
          "bitshr",
          "bitushr",
          "timezone",
          "let");

  // ---------------------------------------------------------------- lexer

  record Token(String kind, String value) {
    boolean is(String k, String v) {
      return kind.equals(k) && value.equals(v);
    }
  }

  private static final Set<String> WORD_OPERATORS =
      Set.of("not", "and", "or", "in", "matches", "contains", "startsWith", "endsWith", "let");

  static List<Token> lex(String s) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (Character.isDigit(c)
          || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        if (i == start + 1
            && s.charAt(start) == '0'
            && i < s.length()
            && "xXoObB".indexOf(s.charAt(i)) >= 0) {
          throw unsupported("hexadecimal, octal and binary literals");
        }
        if (i < s.length()
            && s.charAt(i) == '.'
            && !(i + 1 < s.length() && s.charAt(i + 1) == '.')) {
          i++;
          while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
          }
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
          int e = i + 1;
          if (e < s.length() && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
            e++;
          }
          if (e < s.length() && Character.isDigit(s.charAt(e))) {
            i = e;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
              i++;
            }
          }
        }
        tokens.add(new Token("Number", s.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int start = i;
        while (i < s.length()
            && (Character.isLetterOrDigit(s.charAt(i))
                || s.charAt(i) == '_'
                || s.charAt(i) == '$')) {
          i++;
        }
        String word = s.substring(start, i);
        tokens.add(new Token(WORD_OPERATORS.contains(word) ? "Operator" : "Identifier", word));
      } else if (c == '"' || c == '\'') {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length() && s.charAt(i) != c) {
          if (s.charAt(i) == '\\') {
            throw unsupported("escapes in string literals");
          }
          b.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          throw unsupported("an unterminated string literal");
        }
        i++;
        tokens.add(new Token("String", b.toString()));
      } else if (c == '`') {
        throw unsupported("raw string literals");
      } else {
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        if (Set.of("**", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "..").contains(two)) {
          tokens.add(new Token("Operator", two));
          i += 2;
        } else if ("()[]{}".indexOf(c) >= 0) {
          tokens.add(new Token("Bracket", String.valueOf(c)));
          i++;
        } else if ("!<>+-*/%^?:,.#|".indexOf(c) >= 0) {
          tokens.add(new Token("Operator", String.valueOf(c)));
          i++;
        } else {
          throw unsupported("the character '" + c + "'");
        }
      }
    }
    tokens.add(new Token("EOF", ""));
    return tokens;
  }

  static CannotSimulateException unsupported(String what) {
    return new CannotSimulateException(
        "cannot simulate: " + what + " is outside the condition grammar rolloutkit evaluates");
  }

  // ---------------------------------------------------------------- parser (expr parser/parser.go)

  private record Op(int precedence, boolean right) {}

  private static final java.util.Map<String, Op> BINARY =
      java.util.Map.ofEntries(
          java.util.Map.entry("or", new Op(10, false)),
          java.util.Map.entry("||", new Op(10, false)),
          java.util.Map.entry("and", new Op(15, false)),
          java.util.Map.entry("&&", new Op(15, false)),
          java.util.Map.entry("==", new Op(20, false)),
          java.util.Map.entry("!=", new Op(20, false)),
          java.util.Map.entry("<", new Op(20, false)),
          java.util.Map.entry(">", new Op(20, false)),
          java.util.Map.entry(">=", new Op(20, false)),
          java.util.Map.entry("<=", new Op(20, false)),
          java.util.Map.entry("in", new Op(20, false)),
          java.util.Map.entry("+", new Op(30, false)),
          java.util.Map.entry("-", new Op(30, false)),
          java.util.Map.entry("*", new Op(60, false)),
          java.util.Map.entry("/", new Op(60, false)),
          java.util.Map.entry("%", new Op(60, false)),
          java.util.Map.entry("**", new Op(100, true)),
          java.util.Map.entry("^", new Op(100, true)));

  private static final Set<String> UNSUPPORTED_OPERATORS =
      Set.of("matches", "contains", "startsWith", "endsWith", "..", "??", "|", "?.", "let");

  /** A syntax error inside the supported grammar: a compile error in Argo too. */
  static final class SyntaxError extends RuntimeException {
    SyntaxError(String message) {
      super(message, null, false, false);
    }
  }

  static final class Parser {
    private final List<Token> tokens;
    private int pos;
    private int depth;

    Parser(String text) {
      this.tokens = lex(text);
    }

    Node parse() {
      if (current().kind().equals("EOF")) {
        throw new SyntaxError("unexpected token EOF");
      }
      Node node = expression(0);
      if (!current().kind().equals("EOF")) {
        Token t = current();
        if (t.kind().equals("Operator") && UNSUPPORTED_OPERATORS.contains(t.value())) {
          throw unsupported("the operator " + t.value());
        }
        throw new SyntaxError("unexpected token " + t.kind() + "(\"" + t.value() + "\")");
      }
      return node;
    }

    private Token current() {
      return tokens.get(pos);
    }

    private void next() {
      pos++;
    }

    private void expect(String kind, String value) {
      if (!current().is(kind, value)) {
        throw new SyntaxError(
            "unexpected token " + current().kind() + "(\"" + current().value() + "\")");
      }
      next();
    }

    Node expression(int precedence) {
      Node left = primary();
      Token op = current();
      while (op.kind().equals("Operator")) {
        boolean negate = false;
        if (op.value().equals("not")) {
          Token after = tokens.get(pos + 1);
          if (!after.is("Operator", "in")) {
            if (UNSUPPORTED_OPERATORS.contains(after.value())) {
              throw unsupported("the operator not " + after.value());
            }
            break;
          }
          if (BINARY.get("in").precedence() < precedence) {
            break;
          }
          next();
          negate = true;
          op = current();
        }
        if (UNSUPPORTED_OPERATORS.contains(op.value())) {
          throw unsupported("the operator " + op.value());
        }
        Op o = BINARY.get(op.value());
        if (o == null || o.precedence() < precedence) {
          break;
        }
        next();
        Node right = expression(o.right() ? o.precedence() : o.precedence() + 1);
        left = new Binary(op.value(), left, right);
        if (negate) {
          left = new Unary("not", left);
        }
        op = current();
      }
      if (precedence == 0) {
        while (current().is("Operator", "?")) {
          next();
          Node then;
          Node otherwise;
          if (!current().is("Operator", ":")) {
            then = expression(0);
            expect("Operator", ":");
            otherwise = expression(0);
          } else {
            next();
            then = left;
            otherwise = expression(0);
          }
          left = new Conditional(left, then, otherwise);
        }
      }
      return left;
    }

    private Node primary() {
      Token t = current();
      if (t.kind().equals("Operator")
          && (t.value().equals("not")
              || t.value().equals("!")
              || t.value().equals("-")
              || t.value().equals("+"))) {
        next();
        int precedence = t.value().equals("-") || t.value().equals("+") ? 90 : 50;
        Node node = expression(precedence);
        return postfix(new Unary(t.value(), node));
      }
      if (t.is("Bracket", "(")) {
        next();
        Node node = expression(0);
        expect("Bracket", ")");
        return postfix(node);
      }
      if (t.is("Operator", "#")) {
        if (depth == 0) {
          throw new SyntaxError("cannot use pointer accessor outside closure");
        }
        next();
        if (current().kind().equals("Identifier")) {
          throw unsupported("named pointers (#" + current().value() + ")");
        }
        return postfix(new Pointer());
      }
      if (t.is("Operator", ".")) {
        throw unsupported("the member accessor .");
      }
      return secondary();
    }

    private Node secondary() {
      Token t = current();
      Node node;
      switch (t.kind()) {
        case "Identifier" -> {
          next();
          switch (t.value()) {
            case "true" -> node = new Bool(true);
            case "false" -> node = new Bool(false);
            case "nil" -> node = new Nil();
            default -> {
              if (current().is("Bracket", "(")) {
                node = call(t.value());
              } else {
                if (UNSUPPORTED_BUILTINS.contains(t.value()) || t.value().startsWith("$")) {
                  throw unsupported("the name " + t.value());
                }
                node = new Ident(t.value());
              }
            }
          }
        }
        case "Number" -> {
          next();
          node = number(t.value());
        }
        case "String" -> {
          next();
          node = new Str(t.value());
        }
        case "Bracket" -> {
          if (t.value().equals("[")) {
            next();
            List<Node> nodes = new ArrayList<>();
            while (!current().is("Bracket", "]")) {
              if (!nodes.isEmpty()) {
                expect("Operator", ",");
                if (current().is("Bracket", "]")) {
                  break;
                }
              }
              nodes.add(expression(0));
            }
            expect("Bracket", "]");
            node = new Array(nodes);
          } else if (t.value().equals("{")) {
            throw unsupported("map literals");
          } else {
            throw new SyntaxError("unexpected token Bracket(\"" + t.value() + "\")");
          }
        }
        case "EOF" -> throw new SyntaxError("unexpected token EOF");
        default -> {
          if (UNSUPPORTED_OPERATORS.contains(t.value())) {
            throw unsupported("the operator " + t.value());
          }
          throw new SyntaxError("unexpected token " + t.kind() + "(\"" + t.value() + "\")");
        }
      }
      return postfix(node);
    }

    private Node call(String name) {
      if (UNSUPPORTED_BUILTINS.contains(name)) {
        throw unsupported("the builtin " + name + "()");
      }
      expect("Bracket", "(");
      List<Node> args = new ArrayList<>();
      if (PREDICATES.contains(name)) {
        args.add(expression(0));
        expect("Operator", ",");
        boolean braces = current().is("Bracket", "{");
        if (braces) {
          next();
        }
        depth++;
        Node body = expression(0);
        depth--;
        if (braces) {
          expect("Bracket", "}");
        }
        args.add(new Closure(body));
        expect("Bracket", ")");
        return new Builtin(name, args);
      }
      while (!current().is("Bracket", ")")) {
        if (!args.isEmpty()) {
          expect("Operator", ",");
        }
        args.add(expression(0));
      }
      expect("Bracket", ")");
      if (name.equals("len")) {
        return new Builtin(name, args);
      }
      if (!FUNCTIONS.contains(name)) {
        throw unsupported("the function " + name + "()");
      }
      return new Call(name, args);
    }

    private Node postfix(Node node) {
      while (true) {
        Token t = current();
        if (t.is("Bracket", "[")) {
          next();
          if (current().is("Operator", ":")) {
            throw unsupported("slices");
          }
          Node index = expression(0);
          if (current().is("Operator", ":")) {
            throw unsupported("slices");
          }
          expect("Bracket", "]");
          node = new Index(node, index);
        } else if (t.is("Operator", ".") || t.is("Operator", "?.")) {
          throw unsupported("the member accessor " + t.value());
        } else if (t.is("Bracket", "(")) {
          throw unsupported("calling an expression");
        } else {
          return node;
        }
      }
    }

    private static Node number(String text) {
      String digits = text.replace("_", "");
      if (digits.contains(".") || digits.contains("e") || digits.contains("E")) {
        return new Flt(Double.parseDouble(digits));
      }
      try {
        return new Int(Long.parseLong(digits));
      } catch (NumberFormatException e) {
        throw unsupported("the integer literal " + text);
      }
    }
  }

  // ---------------------------------------------------------------- checker (checker/checker.go)

  static final class Checker {
    private final T result;
    private final ArgoVersion version;
    private String error;
    private final java.util.ArrayDeque<T> scopes = new java.util.ArrayDeque<>();

    Checker(T result, ArgoVersion version) {
      this.result = result;
      this.version = version;
    }

    /** A type as the checker of {@code version} prints it. */
    private String name(T t) {
      return t == T.UNKNOWN && version == ArgoVersion.V1_10 ? "unknown" : t.go;
    }

    /** The first error, as expr reports it, or null. */
    String check(Node node) {
      visit(node);
      return error;
    }

    private T error(String message) {
      if (error == null) {
        error = message;
      }
      return T.UNKNOWN;
    }

    /** A visit's type and, for array literals, their common element type. */
    private T elem;

    T visit(Node node) {
      elem = null;
      if (node instanceof Nil) {
        return T.NIL;
      }
      if (node instanceof Bool) {
        return T.BOOL;
      }
      if (node instanceof Int) {
        return T.INT;
      }
      if (node instanceof Flt) {
        return T.FLOAT64;
      }
      if (node instanceof Str) {
        return T.STRING;
      }
      if (node instanceof Ident id) {
        if (id.name().equals("result")) {
          return result;
        }
        if (FUNCTIONS.contains(id.name())) {
          return T.FUNC;
        }
        return error("unknown name " + id.name());
      }
      if (node instanceof Pointer) {
        T scope = scopes.peek();
        return scope.any() ? T.UNKNOWN : scope.elem();
      }
      if (node instanceof Unary u) {
        return unary(u);
      }
      if (node instanceof Binary b) {
        return binary(b);
      }
      if (node instanceof Index ix) {
        return index(ix);
      }
      if (node instanceof Call c) {
        return call(c);
      }
      if (node instanceof Builtin b) {
        return builtin(b);
      }
      if (node instanceof Closure c) {
        T t = visit(c.body());
        return t == T.NIL ? error("closure cannot be nil") : t;
      }
      if (node instanceof Conditional c) {
        T cond = visit(c.cond());
        if (cond != T.BOOL && !cond.any()) {
          return error("non-bool expression (type " + name(cond) + ") used as condition");
        }
        T t1 = visit(c.then());
        T t2 = visit(c.otherwise());
        if (t1 == T.NIL && t2 != T.NIL) {
          return t2;
        }
        if (t1 != T.NIL && t2 == T.NIL) {
          return t1;
        }
        if (t1 == T.NIL) {
          return T.NIL;
        }
        return assignable(t1, t2) ? t1 : T.UNKNOWN;
      }
      Array a = (Array) node;
      T prev = null;
      boolean same = true;
      for (int i = 0; i < a.nodes().size(); i++) {
        T curr = visit(a.nodes().get(i));
        if (i > 0) {
          if (curr == T.NIL || prev == T.NIL) {
            same = false;
          } else if (!curr.kind().equals(prev.kind())) {
            same = false;
          }
        }
        prev = curr;
      }
      elem = same && prev != null && prev != T.NIL ? prev : null;
      return T.ANYS;
    }

    private static boolean assignable(T from, T to) {
      return from == to || to.any();
    }

    private static boolean comparable(T l, T r) {
      if (l == T.NIL || r == T.NIL) {
        return true;
      }
      return l.kind().equals(r.kind()) || l.number() && r.number() || l.any() || r.any();
    }

    private static boolean or(T l, T r, java.util.function.Predicate<T> fn) {
      return l.any() && r.any() || l.any() && fn.test(r) || r.any() && fn.test(l);
    }

    private static T combined(T a, T b) {
      if (a.kind().equals(b.kind())) {
        return a;
      }
      return a == T.FLOAT64 || b == T.FLOAT64 ? T.FLOAT64 : T.INT;
    }

    private T unary(Unary u) {
      T t = visit(u.node());
      switch (u.op()) {
        case "!", "not" -> {
          if (t == T.BOOL || t.any()) {
            return T.BOOL;
          }
        }
        default -> {
          if (t.number()) {
            return t;
          }
          if (t.any()) {
            return T.UNKNOWN;
          }
        }
      }
      return error("invalid operation: " + u.op() + " (mismatched type " + name(t) + ")");
    }

    private T binary(Binary b) {
      T l = visit(b.left());
      T r = visit(b.right());
      T rightElem = elem;
      String op = b.op();
      switch (op) {
        case "==", "!=" -> {
          if (comparable(l, r)) {
            return T.BOOL;
          }
        }
        case "or", "||", "and", "&&" -> {
          if (l == T.BOOL && r == T.BOOL || or(l, r, t -> t == T.BOOL)) {
            return T.BOOL;
          }
        }
        case "<", ">", ">=", "<=" -> {
          if (l.number() && r.number()
              || l == T.STRING && r == T.STRING
              || or(l, r, t -> t.number() || t == T.STRING)) {
            return T.BOOL;
          }
        }
        case "-", "*" -> {
          if (l.number() && r.number()) {
            return combined(l, r);
          }
          if (or(l, r, T::number)) {
            return T.UNKNOWN;
          }
        }
        case "/", "**", "^" -> {
          if (l.number() && r.number() || or(l, r, T::number)) {
            return T.FLOAT64;
          }
        }
        case "%" -> {
          if (l.integer() && r.integer()) {
            return combined(l, r);
          }
          if (or(l, r, T::integer)) {
            return T.UNKNOWN;
          }
        }
        case "+" -> {
          if (l.number() && r.number()) {
            return combined(l, r);
          }
          if (l == T.STRING && r == T.STRING) {
            return T.STRING;
          }
          if (or(l, r, t -> t.number() || t == T.STRING)) {
            return T.UNKNOWN;
          }
        }
        case "in" -> {
          if (r.array()) {
            if (l == T.NIL) {
              return T.BOOL;
            }
            if (!comparable(l, r.elem())) {
              return error("cannot use " + name(l) + " as type " + name(r.elem()) + " in array");
            }
            if (rightElem != null && !comparable(l, rightElem)) {
              return error("cannot use " + name(l) + " as type " + name(rightElem) + " in array");
            }
            return T.BOOL;
          }
          if (l.any() && (r == T.STRING || r.array())) {
            return T.BOOL;
          }
          if (r.any()) {
            return T.BOOL;
          }
        }
        default -> throw unsupported("the operator " + op);
      }
      return error(
          "invalid operation: " + op + " (mismatched types " + name(l) + " and " + name(r) + ")");
    }

    private T index(Index ix) {
      T base = visit(ix.base());
      T prop = visit(ix.index());
      if (base.any()) {
        return T.UNKNOWN;
      }
      if (base.array()) {
        if (!prop.integer() && !prop.any()) {
          return error(
              "array elements can only be selected using an integer (got " + name(prop) + ")");
        }
        return base.elem();
      }
      if (base == T.FUNC) {
        throw unsupported("indexing a function");
      }
      return error("type " + name(base) + "[" + name(prop) + "] is undefined");
    }

    private T call(Call c) {
      T[] params;
      T out;
      switch (c.name()) {
        case "asInt" -> {
          params = new T[] {T.ANY};
          out = T.INT64;
        }
        case "asFloat" -> {
          params = new T[] {T.ANY};
          out = T.FLOAT64;
        }
        case "isNaN", "isInf" -> {
          params = new T[] {T.FLOAT64};
          out = T.BOOL;
        }
        case "isNil" -> {
          params = new T[] {T.ANY};
          out = T.BOOL;
        }
        default -> {
          params = new T[] {T.ANY, T.ANY};
          out = T.ANY;
        }
      }
      if (c.args().size() > params.length) {
        return error("too many arguments to call " + c.name());
      }
      if (c.args().size() < params.length) {
        return error("not enough arguments to call " + c.name());
      }
      for (int i = 0; i < params.length; i++) {
        T t = visit(c.args().get(i));
        T in = params[i];
        if (in == T.FLOAT64 && t.integer()) {
          // checker.go traverseAndReplaceIntegerNodesWithFloatNodes: integer literals become floats
          c.args().set(i, toFloatNodes(c.args().get(i)));
          continue;
        }
        if (t == T.NIL) {
          continue;
        }
        if (!assignable(t, in) && !t.any()) {
          return error(
              "cannot use "
                  + name(t)
                  + " as argument (type "
                  + name(in)
                  + ") to call "
                  + c.name()
                  + " ");
        }
      }
      return out;
    }

    private static Node toFloatNodes(Node node) {
      if (node instanceof Int i) {
        return new Flt(i.value());
      }
      if (node instanceof Unary u) {
        return new Unary(u.op(), toFloatNodes(u.node()));
      }
      if (node instanceof Binary b && Set.of("+", "-", "*").contains(b.op())) {
        return new Binary(b.op(), toFloatNodes(b.left()), toFloatNodes(b.right()));
      }
      return node;
    }

    private T builtin(Builtin b) {
      if (b.name().equals("len")) {
        List<T> args = new ArrayList<>();
        for (Node a : b.args()) {
          args.add(visit(a));
        }
        if (args.size() != 1) {
          return error("invalid number of arguments (expected 1, got " + args.size() + ")");
        }
        T t = args.get(0);
        if (t.array() || t == T.STRING || t.any()) {
          return T.INT;
        }
        return error("invalid argument for len (type " + (t == T.NIL ? "%!s(<nil>)" : t) + ")");
      }
      T collection = visit(b.args().get(0));
      if (!collection.array() && !collection.any()) {
        return error("builtin " + b.name() + " takes only array (got " + name(collection) + ")");
      }
      scopes.push(collection);
      T out = visit(b.args().get(1));
      scopes.pop();
      if (out != T.BOOL && !out.any()) {
        return error("predicate should return boolean (got " + name(out) + ")");
      }
      return T.BOOL;
    }
  }

  // ---------------------------------------------------------------- runtime (vm, vm/runtime)

  /** A Go panic inside the VM: expr turns it into the run error. */
  static final class Panic extends RuntimeException {
    Panic(String message) {
      super(message, null, false, false);
    }
  }

  static final class Runtime {
    private final Object result;
    private final boolean resultIsNil;
    private final ArgoVersion version;
    private final java.util.ArrayDeque<Object> pointers = new java.util.ArrayDeque<>();

    Runtime(Object result, ArgoVersion version) {
      this.result = result;
      this.resultIsNil = result == null;
      this.version = version;
    }

    Object run(Node node) {
      if (node instanceof Nil) {
        return null;
      }
      if (node instanceof Bool b) {
        return b.value();
      }
      if (node instanceof Int i) {
        return i.value();
      }
      if (node instanceof Flt f) {
        return f.value();
      }
      if (node instanceof Str s) {
        return s.value();
      }
      if (node instanceof Ident) {
        return result;
      }
      if (node instanceof Pointer) {
        return pointers.peek();
      }
      if (node instanceof Unary u) {
        return unary(u);
      }
      if (node instanceof Binary b) {
        return binary(b);
      }
      if (node instanceof Index ix) {
        return fetch(run(ix.base()), run(ix.index()));
      }
      if (node instanceof Call c) {
        return call(c);
      }
      if (node instanceof Builtin b) {
        return builtin(b);
      }
      if (node instanceof Closure c) {
        return run(c.body());
      }
      if (node instanceof Conditional c) {
        return asBool(run(c.cond())) ? run(c.then()) : run(c.otherwise());
      }
      List<Object> values = new ArrayList<>();
      for (Node n : ((Array) node).nodes()) {
        values.add(run(n));
      }
      return values;
    }

    /** A type assertion {@code v.(bool)}, as OpNot and the jumps make it. */
    private static boolean asBool(Object v) {
      if (v instanceof Boolean b) {
        return b;
      }
      throw new Panic("interface conversion: interface {} is " + assertedName(v) + ", not bool");
    }

    private Object unary(Unary u) {
      Object v = run(u.node());
      return switch (u.op()) {
        case "!", "not" -> !asBool(v);
        case "-" -> {
          if (v instanceof Double d) {
            yield -d;
          }
          if (v instanceof Long l) {
            yield -l;
          }
          if (v instanceof Int64 l) {
            yield new Int64(-l.value());
          }
          throw new Panic("invalid operation: - " + typeName(v));
        }
        default -> {
          if (v instanceof Double || v instanceof Long || v instanceof Int64) {
            yield v;
          }
          throw new Panic("invalid operation: + " + typeName(v));
        }
      };
    }

    private Object binary(Binary b) {
      String op = b.op();
      if (op.equals("&&") || op.equals("and")) {
        Object l = run(b.left());
        return !asBool(l) ? l : run(b.right());
      }
      if (op.equals("||") || op.equals("or")) {
        Object l = run(b.left());
        return asBool(l) ? l : run(b.right());
      }
      Object l = run(b.left());
      Object r = run(b.right());
      return switch (op) {
        case "==" -> equal(l, r);
        case "!=" -> !equal(l, r);
        case "<", ">", "<=", ">=" -> compare(op, l, r);
        case "+", "-", "*" -> arithmetic(op, l, r);
        case "/" -> toFloat(l, "/", r) / toFloat(r, "/", l);
        case "%" -> {
          if (isInteger(l) && isInteger(r)) {
            long y = integer(r);
            if (y == 0) {
              throw new Panic("runtime error: integer divide by zero");
            }
            long v = integer(l) % y;
            yield l instanceof Int64 && r instanceof Int64 ? new Int64(v) : (Object) v;
          }
          throw new Panic("invalid operation: " + typeName(l) + " % " + typeName(r));
        }
        case "**", "^" -> Math.pow(toFloat64(l), toFloat64(r));
        case "in" -> in(l, r);
        default -> throw unsupported("the operator " + op);
      };
    }

    private static boolean isInteger(Object v) {
      return v instanceof Long || v instanceof Int64;
    }

    private static long integer(Object v) {
      return v instanceof Long l ? l : ((Int64) v).value();
    }

    private static boolean isNumber(Object v) {
      return v instanceof Double || isInteger(v);
    }

    private static double number(Object v) {
      return v instanceof Double d ? d : (double) integer(v);
    }

    private static double toFloat(Object v, String op, Object other) {
      if (!isNumber(v) || !isNumber(other)) {
        throw new Panic("invalid operation: " + typeName(v) + " " + op + " " + typeName(other));
      }
      return number(v);
    }

    private static double toFloat64(Object v) {
      if (!isNumber(v)) {
        throw new Panic("invalid operation: float(" + typeName(v) + ")");
      }
      return number(v);
    }

    private Object arithmetic(String op, Object l, Object r) {
      if (isInteger(l) && isInteger(r)) {
        long x = integer(l);
        long y = integer(r);
        long v = op.equals("+") ? x + y : op.equals("-") ? x - y : x * y;
        return l instanceof Int64 && r instanceof Int64 ? new Int64(v) : (Object) v;
      }
      if (isNumber(l) && isNumber(r)) {
        double x = number(l);
        double y = number(r);
        return op.equals("+") ? x + y : op.equals("-") ? x - y : x * y;
      }
      if (op.equals("+") && l instanceof String x && r instanceof String y) {
        return x + y;
      }
      throw new Panic("invalid operation: " + typeName(l) + " " + op + " " + typeName(r));
    }

    private static boolean compare(String op, Object l, Object r) {
      if (isNumber(l) && isNumber(r)) {
        if (isInteger(l) && isInteger(r)) {
          long c = Long.compare(integer(l), integer(r));
          return switch (op) {
            case "<" -> c < 0;
            case ">" -> c > 0;
            case "<=" -> c <= 0;
            default -> c >= 0;
          };
        }
        double x = number(l);
        double y = number(r);
        return switch (op) {
          case "<" -> x < y;
          case ">" -> x > y;
          case "<=" -> x <= y;
          default -> x >= y;
        };
      }
      if (l instanceof String x && r instanceof String y) {
        int c = x.compareTo(y);
        return switch (op) {
          case "<" -> c < 0;
          case ">" -> c > 0;
          case "<=" -> c <= 0;
          default -> c >= 0;
        };
      }
      throw new Panic("invalid operation: " + typeName(l) + " " + op + " " + typeName(r));
    }

    /** runtime.Equal: numbers by value, then nil with nil, then reflect.DeepEqual. */
    private boolean equal(Object a, Object b) {
      if (isNumber(a) && isNumber(b)) {
        if (isInteger(a) && isInteger(b)) {
          return integer(a) == integer(b);
        }
        return number(a) == number(b);
      }
      if (a instanceof String x && b instanceof String y) {
        return x.equals(y);
      }
      if (a instanceof Boolean x && b instanceof Boolean y) {
        return x.equals(y);
      }
      if (isNil(a) && isNil(b)) {
        return true;
      }
      return deepEqual(a, b);
    }

    private static boolean isNil(Object v) {
      return v == null;
    }

    private boolean deepEqual(Object a, Object b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (a instanceof double[] x && b instanceof double[] y) {
        // reflect.DeepEqual: the same slice is equal to itself (v1.15); element-wise otherwise
        if (x == y && version == ArgoVersion.V1_9) {
          return true;
        }
        if (x.length != y.length) {
          return false;
        }
        for (int i = 0; i < x.length; i++) {
          if (!(x[i] == y[i])) {
            return false;
          }
        }
        return true;
      }
      if (a instanceof List<?> x && b instanceof List<?> y) {
        if (x == y) {
          return true;
        }
        if (x.size() != y.size()) {
          return false;
        }
        for (int i = 0; i < x.size(); i++) {
          Object p = x.get(i);
          Object q = y.get(i);
          if (!typeOf(p).equals(typeOf(q))
              || !deepEqual(p, q)
                  && !(p instanceof Double d
                      && q instanceof Double e
                      && d.doubleValue() == e.doubleValue())) {
            return false;
          }
        }
        return true;
      }
      if (!typeOf(a).equals(typeOf(b))) {
        return false;
      }
      if (a instanceof Double x) {
        return x.doubleValue() == ((Double) b).doubleValue();
      }
      return a.equals(b);
    }

    private boolean in(Object needle, Object array) {
      if (array == null) {
        return false;
      }
      if (array instanceof double[] xs) {
        for (double x : xs) {
          if (equal(x, needle)) {
            return true;
          }
        }
        return false;
      }
      if (array instanceof List<?> xs) {
        for (Object x : xs) {
          if (equal(x, needle)) {
            return true;
          }
        }
        return false;
      }
      if (array instanceof String) {
        throw unsupported("in on a string");
      }
      throw new Panic("operator \"in\" not defined on " + typeName(array));
    }

    private Object fetch(Object from, Object i) {
      if (from == null) {
        throw new Panic("cannot fetch " + goValue(i) + " from " + typeName(null));
      }
      int length;
      if (from instanceof double[] xs) {
        length = xs.length;
      } else if (from instanceof List<?> xs) {
        length = xs.size();
      } else if (from instanceof String) {
        throw unsupported("indexing a string");
      } else {
        throw new Panic("cannot fetch " + goValue(i) + " from " + typeName(from));
      }
      long index;
      if (isInteger(i)) {
        index = integer(i);
      } else if (i instanceof Double d) {
        index = goInt64(d);
      } else {
        throw new Panic("invalid operation: int(" + typeName(i) + ")");
      }
      if (index < 0) {
        index = length + index;
      }
      if (index < 0 || index >= length) {
        throw new Panic(
            version == ArgoVersion.V1_9
                ? "reflect: slice index out of range"
                : "index out of range: " + index + " (array length is " + length + ")");
      }
      return from instanceof double[] xs
          ? (Object) xs[(int) index]
          : ((List<?>) from).get((int) index);
    }

    private Object call(Call c) {
      switch (c.name()) {
        case "isNil" -> {
          run(c.args().get(0));
          return resultIsNil;
        }
        case "default" -> {
          run(c.args().get(0));
          Object fallback = run(c.args().get(1));
          return resultIsNil ? fallback : result;
        }
        default -> {}
      }
      Object v = run(c.args().get(0));
      return switch (c.name()) {
        case "isNaN", "isInf" -> {
          if (!(v instanceof Double d)) {
            throw new Panic(
                "interface conversion: interface {} is " + assertedName(v) + ", not float64");
          }
          yield c.name().equals("isNaN") ? d.isNaN() : d.isInfinite();
        }
        case "asInt" -> asInt(v);
        default -> asFloat(v);
      };
    }

    private static Int64 asInt(Object v) {
      if (v instanceof Double d) {
        return new Int64(goInt64(d));
      }
      if (v instanceof Long l) {
        return new Int64(l);
      }
      if (v instanceof Int64 l) {
        return l;
      }
      if (v instanceof String s) {
        try {
          return new Int64(Long.parseLong(s.startsWith("+") ? s.substring(1) : s));
        } catch (NumberFormatException e) {
          throw new Panic(
              "strconv.ParseInt: parsing "
                  + goQuote(s)
                  + ": "
                  + (s.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
        }
      }
      throw new Panic("asInt() not supported on " + typeName(v) + " " + goValue(v));
    }

    private static double asFloat(Object v) {
      if (v instanceof Double d) {
        return d;
      }
      if (isInteger(v)) {
        return (double) integer(v);
      }
      if (v instanceof String s) {
        return parseFloat(s);
      }
      throw new Panic("asFloat() not supported on " + typeName(v) + " " + goValue(v));
    }

    private Object builtin(Builtin b) {
      Object collection = run(b.args().get(0));
      if (b.name().equals("len")) {
        if (collection instanceof double[] xs) {
          return (long) xs.length;
        }
        if (collection instanceof List<?> xs) {
          return (long) xs.size();
        }
        if (collection instanceof String s) {
          return (long) s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        throw new Panic("invalid argument for len (type " + typeName(collection) + ")");
      }
      List<Object> items = new ArrayList<>();
      if (collection instanceof double[] xs) {
        for (double x : xs) {
          items.add(x);
        }
      } else if (collection instanceof List<?> xs) {
        items.addAll(xs);
      } else {
        throw unsupported("a predicate over " + typeName(collection));
      }
      for (Object item : items) {
        pointers.push(item);
        boolean v;
        try {
          v = asBool(run(b.args().get(1)));
        } finally {
          pointers.pop();
        }
        switch (b.name()) {
          case "all" -> {
            if (!v) {
              return false;
            }
          }
          case "any" -> {
            if (v) {
              return true;
            }
          }
          default -> {
            if (v) {
              return false;
            }
          }
        }
      }
      return !b.name().equals("any");
    }
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final java.util.regex.Pattern SPECIAL =
      java.util.regex.Pattern.compile("[+-]?((?i)inf|infinity|nan)");

  /** strconv.ParseFloat(s, 64), panicking as asFloat does on its error. */
  static double parseFloat(String s) {
    if (SPECIAL.matcher(s).matches()) {
      String lower = s.toLowerCase(java.util.Locale.ROOT);
      if (lower.endsWith("nan")) {
        if (lower.startsWith("+") || lower.startsWith("-")) {
          throw new Panic("strconv.ParseFloat: parsing " + goQuote(s) + ": invalid syntax");
        }
        return Double.NaN;
      }
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (!DECIMAL.matcher(s).matches()) {
      if (s.matches("[+-]?0[xX].*") || s.contains("_")) {
        throw unsupported("asFloat of the string " + goQuote(s));
      }
      throw new Panic("strconv.ParseFloat: parsing " + goQuote(s) + ": invalid syntax");
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      throw new Panic("strconv.ParseFloat: parsing " + goQuote(s) + ": value out of range");
    }
    return d;
  }

  /** Go's float64 → int64 conversion on amd64: NaN and out-of-range give MinInt64. */
  static long goInt64(double d) {
    if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) d;
  }

  /** The dynamic type a failed type assertion names ({@code nil} for a nil interface). */
  static String assertedName(Object v) {
    return v == null ? "nil" : typeName(v);
  }

  /** {@code %T}. */
  static String typeName(Object v) {
    return typeOf(v).go;
  }

  /** {@code %q} of a simple string. */
  static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** {@code %v}. */
  static String goValue(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double d) {
      return goFloat(d);
    }
    if (v instanceof Int64 l) {
      return Long.toString(l.value());
    }
    if (v instanceof double[] xs) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < xs.length; i++) {
        b.append(i == 0 ? "" : " ").append(goFloat(xs[i]));
      }
      return b.append(']').toString();
    }
    if (v instanceof List<?> xs) {
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < xs.size(); i++) {
        b.append(i == 0 ? "" : " ").append(goValue(xs.get(i)));
      }
      return b.append(']').toString();
    }
    return v.toString();
  }

  /** Go's {@code %v} of a float64: the shortest digits, an exponent from 1e+06 and below 1e-04. */
  static String goFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = b.precision() - b.scale() - 1;
    if (exp < -4 || exp >= 6) {
      String digits = b.unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (d < 0 ? "-" : "")
          + mantissa
          + "e"
          + (exp < 0 ? "-" : "+")
          + (Math.abs(exp) < 10 ? "0" : "")
          + Math.abs(exp);
    }
    return b.toPlainString();
  }
}
