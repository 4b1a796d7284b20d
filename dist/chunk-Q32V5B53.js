import { createRequire as __rgCreateRequire } from 'node:module'; const require = __rgCreateRequire(import.meta.url);
import {
  Breather,
  IMAGE_PLUGIN,
  JVM_BUILD_FILE,
  READ_CONCURRENCY,
  clampLine,
  import_yaml,
  isComposeFile,
  isDockerfile,
  lineOfOffset,
  lineStartOffsets,
  mapLimited,
  parseYaml,
  require_dist,
  require_ignore,
  require_picomatch
} from "./chunk-P7AGYOMS.js";
import {
  ROLE_RULES
} from "./chunk-ECORDGMP.js";
import {
  __commonJS,
  __esm,
  __export,
  __toCommonJS,
  __toESM
} from "./chunk-7FI7UYSE.js";

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range3) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range3.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range3.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args) {
        const result = { title, command };
        if (Is.defined(args) && args.length > 0) {
          result.arguments = args;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      delete(range, annotation) {
        let edit;
        let id2;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id2 = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id2 = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id2);
        }
        this.edits.push(edit);
        if (id2 !== void 0) {
          return id2;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id2;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id2 = idOrAnnotation;
        } else {
          id2 = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id2] !== void 0) {
          throw new Error(`Id ${id2} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id2}`);
        }
        this._annotations[id2] = annotation;
        this._size++;
        return id2;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id2;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id2 = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id2);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id2 !== void 0) {
          return id2;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name2, kind, range, uri, containerName) {
        const result = {
          name: name2,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name2, kind, uri, range) {
        return range !== void 0 ? { name: name2, kind, location: { uri, range } } : { name: name2, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name2, detail, kind, range, selectionRange, children) {
        const result = {
          name: name2,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content2) {
        return new FullTextDocument(uri, languageId, version, content2);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document, edits) {
        let text = document.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i = sortedEdits.length - 1; i >= 0; i--) {
          const e = sortedEdits[i];
          const startOffset = document.offsetAt(e.range.start);
          const endOffset = document.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i++] = left[leftIdx++];
          } else {
            data[i++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content2) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content2;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i = 0; i < text.length; i++) {
            if (isLineStart) {
              lineOffsets.push(i);
              isLineStart = false;
            }
            const ch = text.charAt(i);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i + 1 < text.length && text.charAt(i + 1) === "\n") {
              i++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string2(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string2;
      function number2(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number2;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document, range) {
        this.document = document;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content2, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content2.length; i++) {
          switch (content2.charAt(i)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document, range) {
        super(document, range);
      }
      toString() {
        const content2 = this.getContent();
        if (content2) {
          return "# " + content2;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        for (let i = 1; i < raw.length; i++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            start = i;
            break;
          }
        }
        if (start === -1) {
          return null;
        }
        for (let i = raw.length - 1; i >= 1; i--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i))) {
            end = i + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i++] = left[leftIdx++];
    } else {
      data[i++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEOL(ch)) {
      if (ch === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      result.push(textOffset + i + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start = range.start;
  const end = range.end;
  if (start.line > end.line || start.line === end.line && start.character > end.character) {
    return { start: end, end: start };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content2) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content2;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i = 0, len = addedLineOffsets.length; i < len; i++) {
                lineOffsets[i + startLine + 1] = addedLineOffsets[i];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                lineOffsets[i] = lineOffsets[i] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content2) {
        return new FullTextDocument2(uri, languageId, version, content2);
      }
      TextDocument3.create = create;
      function update(document, changes, version) {
        if (document instanceof FullTextDocument2) {
          document.update(changes, version);
          return document;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document, edits) {
        const text = document.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name2, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name2;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name2, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name2;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content2 = this.getTextContent();
        let fullArgs = content2.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment2 = false;
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment2 = false;
                    i = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start = true;
              comment2 = false;
              i += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start = true;
              comment2 = false;
              i++;
            } else {
              i++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment2) {
              startPosition = null;
              start = true;
              comment2 = false;
            }
          } else {
            if (!comment2) {
              if (startPosition === null) {
                if (char === "#") {
                  comment2 = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
          return null;
        }
        let content2 = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content2 += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content2;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content2 = this.getTextContent();
        let fullArgs = content2.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment2 = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
          let char = fullArgs.charAt(i);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment2) {
                  comment2 = false;
                  start = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
              } else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment2 = false;
                    escaping = true;
                    start = true;
                    if (found !== -1) {
                      escapeMarker = i;
                    }
                    i = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i;
                    if (found === -1) {
                      i = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment2 = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i += 2;
            } else if (next === "\n") {
              comment2 = false;
              escaping = true;
              start = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i;
              }
              i++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i;
              }
              i++;
            }
          } else if (!comment2) {
            if (start && char === "#") {
              comment2 = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i;
              }
            }
            start = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args;
      }
      getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
          const argRange = args[i].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args[i].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args[i] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args;
      }
      getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
          switch (arg.charAt(i)) {
            case this.escapeChar:
              if (arg.charAt(i + 1) === "$") {
                i++;
              }
              break;
            case "$":
              if (arg.charAt(i + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), escapedString));
                      i = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start2 = this.document.positionAt(offset + i);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start = this.document.positionAt(offset + i);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== void 0, this.isBuildVariable(escapedName, start.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args) {
        const heredocs = [];
        for (const arg of args) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name2 = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content2 = this.document.getText(nameRange);
        let escaping = false;
        let name2 = "";
        nameLoop: for (let i = 0; i < content2.length; i++) {
          const ch = content2.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i = j + 1;
                    continue nameLoop;
                  case "\n":
                    i = j;
                    continue nameLoop;
                  default:
                    name2 += content2.charAt(j);
                    i = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\n":
                      i = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name2 += ch;
              break;
          }
        }
        return name2;
      }
      getNameRange(startRange) {
        const content2 = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content2.length; i++) {
          const ch = content2.charAt(i);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start === -1) {
                start = i;
              }
              if (quote !== null) {
                end = i + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content2 = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content2.length; i++) {
          switch (content2.charAt(i)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i = j;
                    continue contentLoop;
                  default:
                    i = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                contentEnd = i;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name2 = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name2, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i;
                for (const arg of args) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\n":
                      i = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i;
                }
                if (lineStart === -1) {
                  lineStart = i;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name2 = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name2, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name3 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name3, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name2, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name2) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name2 ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name2, nameRange, value, valueRange) {
        this.range = range;
        this.name = name2;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document, range, name2, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name2;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
          let offset = document.offsetAt(valueRange.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i = 0; i < value.length; i++) {
            switch (value.charAt(i)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document, content2, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content2.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content2.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content2.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name2) {
        for (const option of this.options) {
          if (option.getName() === name2) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                switch (rawValue.charAt(i)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
          return args;
        }
        for (let i = 0; i < flags.length; i++) {
          args.shift();
        }
        return args;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
          let argRange = args[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args.length === 2 && args[0].getValue() === "[" && args[1].getValue() === "]") {
          this.openingBracket = args[0];
          this.closingBracket = args[1];
          return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
          let char = argsContent.charAt(i);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start = i;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i + 1);
                    i++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i++;
                  default:
                    i++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document, arg);
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case this.escapeChar:
              for (let j = i + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal3 = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i = 1; i < value.length; i++) {
            if (value.charAt(i) === escapeChar) {
              i++;
            } else if (value.charAt(i) === '"' && i === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
          let char = value.charAt(i);
          switch (char) {
            case escapeChar:
              if (i + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal3) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i = i + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal3) {
                if (char === "\r") {
                  escaped = true;
                  i = i + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i++;
              } else if (char === "\r") {
                escaped = true;
                i = i + 2;
              } else if (char === "\n") {
                escaped = true;
                i++;
                start = i;
              } else {
                escapedValue = escapedValue + char;
                i++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args = this.getPropertyArguments();
          if (args.length === 0) {
            this.properties = [];
          } else if (args.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
          } else if (args.length === 2) {
            if (args[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args[0]),
                new property_1.Property(this.document, this.escapeChar, args[1])
              ];
            }
          } else if (args[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start = args[1].getRange().start;
            let end = args[args.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i = 0; i < args.length; i++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content2) {
        let index = content2.length;
        whitespaceCheck: for (let i = content2.length - 1; i >= 0; i--) {
          switch (content2.charAt(i)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content2.charAt(i - 1) === "\r") {
                i = i - 1;
              }
            case "\r":
              newlineCheck: for (let j = i - 1; j >= 0; j--) {
                switch (content2.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content2 = this.getTextContent();
        let fullArgs = content2.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content2 = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content2.length; i++) {
          let char = content2.charAt(i);
          switch (char) {
            case this.escapeChar:
              if (i + 1 === content2.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i;
              }
              switch (content2.charAt(i + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content2.charAt(i + 2))) {
                    i = i + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i + 2; j < content2.length; j++) {
                    switch (content2.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args.push(new argument_1.Argument(content2.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i++;
                case "\n":
                  escaped = true;
                  i = i + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  i = i + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args, content2, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i;
              }
              for (let j = i + 1; j < content2.length; j++) {
                switch (content2.charAt(j)) {
                  case char:
                    if (content2.charAt(j + 1) !== " " && content2.charAt(j + 1) !== "") {
                      i = j;
                      continue argumentLoop;
                    }
                    args.push(new argument_1.Argument(content2.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                    i = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args.push(new argument_1.Argument(content2.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                argStart = -1;
              }
              break;
            case "\r":
              i++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content2.substring(argStart, mark);
                  args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args, content2, mark, instructionNameEndOffset, start);
                argStart = i;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i;
              }
              if (char === "$" && content2.charAt(i + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i + 1; j < content2.length; j++) {
                  switch (content2.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i = j - 1;
                      continue argumentLoop;
                    case "}":
                      i = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content2.length) {
          let end2 = endingEscape ? content2.length - 1 : content2.length;
          let value = content2.substring(argStart, end2);
          args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end2))));
        }
        return args;
      }
      createSpacedArgument(argStart, args, content2, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
          args.push(new argument_1.Argument(content2.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name2 = "";
        for (let i = 0; i < imageName.length; i++) {
          const ch = imageName.charAt(i);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name2 = name2 + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name2 = name2 + ch;
                escaped = false;
              }
              break;
          }
        }
        return name2;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content2 = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content2, "@");
          const slashIndex = content2.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content2, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content2.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content2 = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content2, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content2, searchString) {
        let index = content2.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content2.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content2, searchString) {
        let index = content2.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
          const position = documentOffset + index;
          const variableRange = variables[i].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content2.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
          }
          const content2 = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content2, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content2, ":");
          const dotIndex = this.indexOf(rangeStart, content2, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content2.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
          return args[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i = 0; i < variables.length; i++) {
              if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                variables.splice(i, 1);
                i--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
          return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
          const workdirs = hierarchy[i].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment2) {
        this.comments.push(comment2);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args.push(instruction);
          }
        }
        return args;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args.push(instruction);
          }
        }
        return args;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
          if (envs[i].isBefore(line)) {
            for (let property of envs[i].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
          if (args[i].isBefore(line)) {
            let property = args[i].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
          if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser3 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
          switch (buffer.charAt(i)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                    const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i = valueEnd + 1;
                    } else {
                      i = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile.setDirectives(directives);
          this.escapeChar = dockerfile.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
          const char = this.buffer.charAt(i);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i = this.processComment(dockerfile, i);
              break;
            default:
              i = this.processInstruction(dockerfile, char, i);
              break;
          }
        }
        dockerfile.organizeComments();
        return dockerfile;
      }
      processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
          char = this.buffer.charAt(i);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i;
                }
                i++;
              } else if (char === " " || char === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i + 1;
                      instruction = instruction + this.escapeChar;
                      i = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
              return i;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i;
              }
              dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
              return i;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword2 = instruction.getKeyword();
        if (keyword2 === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword2 = instruction.getKeyword();
        }
        if (keyword2 !== main_1.Keyword.ADD && keyword2 !== main_1.Keyword.COPY && keyword2 !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name2 = util_1.Util.parseHeredocName(value);
            if (name2 !== null) {
              heredocs.push(name2);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
            case this.escapeChar:
              const next = this.buffer.charAt(i + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i++;
              } else if (next === " " || next === "	") {
                for (let j = i + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i = this.processComment(dockerfile, i);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case "\r":
            case "\n":
              end = i;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
          switch (this.buffer.charAt(i)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                return i;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser3;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content2) {
        let parser2 = new parser_1.Parser();
        return parser2.parse(content2);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// src/model/frameworks/deploy-env.ts
var DEPLOYMENT_FILE = /\.(ya?ml|env|toml|sh|service|conf)$|(^|\/)(\.env[\w.-]*|env\.[\w-]+|Procfile[\w.-]*|[^/]*\.env\.[\w-]+)$/i;
var APPLICATION_CONFIG = /(^|\/)src\/(main|test)\/resources\/|(^|\/)appsettings[\w.-]*\.json$/i;
var MAX_BYTES = 512 * 1024;
var MAX_LINE = 4096;
var RANK = { production: 0, unknown: 1, development: 2 };
var mayRunInProduction = (a) => a.role === "production" || a.role === "unknown";
async function deploymentAssignments(files, roles, wanted, mentions) {
  const out = [];
  for (const file of files.files) {
    if (file.size > MAX_BYTES || APPLICATION_CONFIG.test(file.path)) continue;
    const buildFile = JVM_BUILD_FILE.test(file.path);
    if (!(isComposeFile(file.path) || isDockerfile(file.path) || DEPLOYMENT_FILE.test(file.path) || buildFile)) continue;
    const role = roles.of(file.path).role;
    if (!(role in RANK)) continue;
    const text = await files.read(file.path);
    if (!text || mentions !== void 0 && !text.includes(mentions)) continue;
    if (buildFile && !IMAGE_PLUGIN.test(text)) continue;
    out.push(...assignmentsIn(text, wanted).map((a) => ({ ...a, path: file.path, role })));
  }
  return out.sort((a, b) => RANK[a.role] - RANK[b.role]);
}
function assignmentsOf(files, roles, name2) {
  return deploymentAssignments(files, roles, (n) => n === name2, name2);
}
var INLINE = /^\s*(?:ENV\s+([A-Za-z_][\w.-]*)\s+(?=[^\s=])|["']?([A-Za-z_][\w.-]*)["']?\s*:\s+)(.*)$/;
function assignmentsIn(text, wanted) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.length > MAX_LINE || /^\s*#/.test(raw)) continue;
    const k8s = /^\s*-?\s*name:\s*["']?([A-Za-z_][\w.]*)["']?\s*$/.exec(raw);
    if (k8s) {
      if (!wanted(k8s[1])) continue;
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const v = /^\s*value:\s*(.*)$/.exec(lines[j]);
        if (v) {
          out.push({ name: k8s[1], value: clean(v[1]), line: i + 1 });
          break;
        }
      }
      continue;
    }
    for (const m of raw.matchAll(/(?:^|[\s"'[,])(?:export\s+|-D|--)?([A-Za-z_][\w.-]*)=("[^"]*"|'[^']*'|[^\s"',\]]*)/g)) {
      if (wanted(m[1])) out.push({ name: m[1], value: clean(m[2]), line: i + 1 });
    }
    const single = INLINE.exec(raw.replace(/^\s*-\s*/, " "));
    const name2 = single?.[1] ?? single?.[2];
    if (single && name2 && wanted(name2) && !raw.includes(`${name2}=`)) out.push({ name: name2, value: clean(single[3]), line: i + 1 });
  }
  return out;
}
function clean(value) {
  const v = value.replace(/\s+#.*$/, "").trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(v);
  return (quoted ? quoted[1] ?? quoted[2] : v).trim();
}

// src/model/frameworks/spring.ts
import { posix } from "node:path";

// src/parse/properties.ts
function parseProperties(text) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const documents = [[]];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    const trimmed = first.replace(/^[ \t\f]+/, "");
    if (/^[#!]---\s*$/.test(trimmed)) {
      documents.push([]);
      continue;
    }
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("!")) continue;
    const line = i + 1;
    const parts = [trimmed];
    while (endsWithOddBackslash(parts[parts.length - 1])) {
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
      if (i + 1 >= lines.length) break;
      parts.push(lines[++i].replace(/^[ \t\f]+/, ""));
    }
    const logical = parts.join("");
    const { key, rest } = splitKey(logical);
    documents[documents.length - 1].push({ key: unescape(key), value: unescape(rest), line });
  }
  return { documents };
}
function endsWithOddBackslash(s) {
  let run = 0;
  while (run < s.length && s[s.length - 1 - run] === "\\") run++;
  return run % 2 === 1;
}
function splitKey(logical) {
  let i = 0;
  while (i < logical.length) {
    const ch = logical[i];
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === "=" || ch === ":" || ch === " " || ch === "	" || ch === "\f") break;
    i++;
  }
  const key = logical.slice(0, i);
  let rest = logical.slice(i).replace(/^[ \t\f]*/, "");
  if (rest.startsWith("=") || rest.startsWith(":")) rest = rest.slice(1).replace(/^[ \t\f]*/, "");
  return { key, rest };
}
function unescape(s) {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { t: "	", n: "\n", r: "\r", f: "\f" }[e] ?? e;
  });
}

// src/model/frameworks/spring.ts
var CONFIG_FILE = /^(.*\/)?src\/main\/resources\/(config\/)?application(-[\w.-]+)?\.(ya?ml|properties)$/;
var SECURITY_DEPENDENCY = /spring-boot-starter-security|spring-boot-starter-oauth2-resource-server|spring-security-(web|config)/;
function canonicalKey(key) {
  return key.toLowerCase().replace(/\[(\w+)\]/g, ".$1").split(".").map((s) => s.replace(/[-_]/g, "")).filter(Boolean).join(".");
}
function canonicalEnvName(name2) {
  return name2.toLowerCase().split("_").filter(Boolean).join(".");
}
async function springModel(files, parsed, roles) {
  const byRoot = /* @__PURE__ */ new Map();
  for (const f of files.files) {
    const m = CONFIG_FILE.exec(f.path);
    if (!m) continue;
    const root = `${m[1] ?? ""}src/main/resources`;
    byRoot.set(root, [...byRoot.get(root) ?? [], f.path]);
  }
  if (!byRoot.size) return { apps: [] };
  const env = await deploymentAssignments(files, roles, (name2) => /^[A-Z][A-Z0-9_]*$/.test(name2) || /^spring\.profiles\.active$/i.test(name2));
  const apps = [];
  const modules = [...byRoot.keys()].map(moduleOf);
  for (const [root, paths] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
    const module = moduleOf(root);
    const others = modules.filter((m) => m !== module && m !== "" && !inDir(module, m));
    const ours = env.filter((a) => inDir(a.path, module) || !others.some((m) => inDir(a.path, m)));
    const near = (a) => module !== "" && inDir(a.path, module) ? 0 : 1;
    apps.push(await readApp(files, parsed, root, paths, [...ours].sort((a, b) => near(a) - near(b))));
  }
  return { apps };
}
var moduleOf = (root) => root.replace(/\/?src\/main\/resources$/, "");
var inDir = (path, dir) => dir === "" || path.startsWith(`${dir}/`);
async function readApp(files, parsed, root, paths, env) {
  const unreadable = [];
  const docsOf = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const docs = await readDocs(parsed, path);
    if ("error" in docs) unreadable.push({ path, ...docs.error });
    else docsOf.set(path, docs);
  }
  const fileFor = (profile, ext, config) => `${root}/${config ? "config/" : ""}application${profile ? `-${profile}` : ""}.${ext}`;
  const layer = (profile) => [false, true].flatMap((config) => ["yaml", "yml", "properties"].map((ext) => fileFor(profile, ext, config))).filter((p) => paths.includes(p));
  const base = layer(void 0);
  const profileEnv = env.filter((a) => /^(SPRING_PROFILES_ACTIVE|spring\.profiles\.active)$/i.test(a.name));
  const prodEnv = profileEnv.find((a) => mayRunInProduction(a) && !/\$\{|^\$/.test(a.value));
  const baseValue = (key) => {
    let found;
    for (const path of base) for (const doc of docsOf.get(path) ?? []) if (!doc.onProfile) {
      for (const e of doc.entries) if (canonicalKey(e.key) === canonicalKey(key)) found = e.raw;
    }
    return found;
  };
  let profiles = [];
  let profilesFrom;
  let assumed = false;
  const fromFiles = baseValue("spring.profiles.active");
  const prodFile = paths.map((p) => /application-(prod|production)\.(ya?ml|properties)$/.exec(p)?.[1]).find(Boolean);
  if (prodEnv) {
    profiles = list(prodEnv.value);
    profilesFrom = `${prodEnv.name}=${prodEnv.value} in ${prodEnv.path}:${prodEnv.line}${prodEnv.role === "unknown" ? " (a file of unknown role, the only one that sets it)" : ""}`;
  } else if (fromFiles !== void 0 && !/[@$]/.test(fromFiles) && fromFiles.trim()) {
    profiles = list(fromFiles);
    profilesFrom = `spring.profiles.active=${fromFiles} in the configuration files`;
  } else {
    assumed = true;
    const dev = profileEnv[0];
    const seen = dev ? ` (only ${dev.path}:${dev.line}, a ${dev.role} file, sets ${dev.name}=${dev.value})` : "";
    if (prodFile) {
      profiles = [prodFile];
      profilesFrom = `assumed: the \`${prodFile}\` profile, since application-${prodFile}.* exists and no production deployment file sets SPRING_PROFILES_ACTIVE${seen}`;
    } else profilesFrom = `assumed: the default profile, since no production deployment file sets SPRING_PROFILES_ACTIVE${seen}`;
  }
  profiles = expandProfiles(profiles, baseValue);
  const order = [...base, ...profiles.flatMap((p) => layer(p))];
  const effective = /* @__PURE__ */ new Map();
  const envByCanonical = /* @__PURE__ */ new Map();
  const envByName = /* @__PURE__ */ new Map();
  for (const a of env) {
    if (!mayRunInProduction(a)) continue;
    if (!envByName.has(a.name)) envByName.set(a.name, a);
    if (/^[A-Z][A-Z0-9_]*$/.test(a.name) && !envByCanonical.has(canonicalEnvName(a.name))) envByCanonical.set(canonicalEnvName(a.name), a);
  }
  for (const path of order) {
    for (const doc of docsOf.get(path) ?? []) {
      if (doc.onProfile !== void 0 && !profileMatches(doc.onProfile, profiles)) continue;
      for (const e of doc.entries) effective.set(canonicalKey(e.key), { key: e.key, value: resolve(e.raw, envByName), path, line: e.line });
    }
  }
  for (const [key, s] of effective) {
    const a = envByCanonical.get(key);
    if (a) effective.set(key, { ...s, value: { kind: "deployment", envVar: a.name, text: a.value, path: a.path, line: a.line } });
  }
  const buildFiles = await withModuleDependencies(files, buildFilesOf(files, root));
  let security = false;
  for (const b of buildFiles) if (SECURITY_DEPENDENCY.test(await files.read(b) ?? "")) security = true;
  const main = root.replace(/resources$/, "");
  const sources = files.files.map((f) => f.path).filter((p) => p.startsWith(main) && /\.(java|kt)$/.test(p));
  return {
    root,
    files: order,
    profiles,
    profilesFrom,
    assumed,
    get: (key) => effective.get(canonicalKey(key)),
    settings: [...effective.values()],
    unreadable,
    buildFiles,
    security,
    sources
  };
}
function resolve(raw, env) {
  if (!raw.includes("${")) return { kind: "literal", text: raw };
  const whole = /^\$\{([^:}]+)(?::([^}]*))?\}$/.exec(raw.trim());
  if (!whole) return { kind: "computed", raw };
  const name2 = whole[1];
  const a = env.get(name2);
  if (a) return { kind: "deployment", envVar: name2, text: a.value, path: a.path, line: a.line };
  if (whole[2] === void 0 || whole[2].includes("${")) return { kind: "computed", raw };
  return { kind: "env-default", envVar: name2, text: whole[2] };
}
function list(value) {
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}
function expandProfiles(active, baseValue) {
  const out = [];
  const add = (p, depth) => {
    if (out.includes(p) || depth > 8) return;
    out.push(p);
    for (const member of list(baseValue(`spring.profiles.group.${p}`) ?? "")) add(member, depth + 1);
  };
  for (const p of [...active, ...list(baseValue("spring.profiles.include") ?? "")]) add(p, 0);
  return out;
}
function profileMatches(expression, active) {
  return expression.split(/[|,]/).some(
    (alt) => alt.split("&").map((t2) => t2.trim().replace(/^\(|\)$/g, "")).filter(Boolean).every((t2) => t2.startsWith("!") ? !active.includes(t2.slice(1).trim()) : active.includes(t2))
  );
}
async function readDocs(parsed, path) {
  if (path.endsWith(".properties")) {
    const props = await parsed.memo("properties", path, (text) => parseProperties(text));
    if (!props) return [];
    return props.documents.map((entries) => docOf(path, entries.map((e) => ({ key: e.key, raw: e.value, line: e.line }))));
  }
  let yaml = await parsed.yaml(path);
  if (!yaml) return [];
  if (yaml.errors.length && yaml.errors.some((e) => /escape/i.test(e.message))) {
    const expanded = await parsed.memo("yaml-expanded", path, (text) => text.includes("\\$") ? parseYaml(text.replace(/\\\$/g, "$")) : void 0);
    if (expanded && !expanded.errors.length) yaml = expanded;
  }
  if (yaml.errors.length) return { error: yaml.errors[0] };
  return yaml.documents.map((doc) => {
    const entries = [];
    flatten(doc.contents, "", entries, yaml.lineOf);
    return docOf(path, entries);
  });
}
function docOf(path, entries) {
  const on = entries.find((e) => ["spring.config.activate.onprofile", "spring.profiles"].includes(canonicalKey(e.key)));
  return { path, onProfile: on?.raw, entries };
}
function flatten(node, prefix, out, lineOf, line = 1) {
  if ((0, import_yaml.isMap)(node)) {
    for (const pair2 of node.items) {
      const key = (0, import_yaml.isScalar)(pair2.key) ? String(pair2.key.value) : void 0;
      if (key === void 0) continue;
      flatten(pair2.value, prefix ? `${prefix}.${key}` : key, out, lineOf, lineOf(pair2));
    }
  } else if ((0, import_yaml.isSeq)(node)) {
    if (node.items.every((i) => (0, import_yaml.isScalar)(i))) out.push({ key: prefix, raw: node.items.map((i) => scalarText(i)).join(","), line });
    else node.items.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out, lineOf, lineOf(item)));
  } else if ((0, import_yaml.isScalar)(node) || node === null || node === void 0) {
    if (prefix) out.push({ key: prefix, raw: node ? scalarText(node) : "", line });
  }
}
function scalarText(node) {
  const v = (0, import_yaml.isScalar)(node) ? node.value : node;
  return v === null || v === void 0 ? "" : String(v);
}
function buildFilesOf(files, root) {
  const builds = files.files.map((f) => f.path).filter((p) => JVM_BUILD_FILE.test(p));
  const module = root.replace(/\/?src\/main\/resources$/, "");
  return builds.filter((b) => {
    const dir = posix.dirname(b) === "." ? "" : posix.dirname(b);
    return dir === "" || module === dir || module.startsWith(`${dir}/`);
  }).sort((a, b) => b.length - a.length);
}
var GRADLE_PROJECT = /\bproject\s*\(\s*(?:path\s*[:=]\s*)?["'](:[\w.:-]+)["']/g;
var MAVEN_DEPENDENCY = /<dependency>[\s\S]*?<artifactId>\s*([\w.-]+)\s*<\/artifactId>[\s\S]*?<\/dependency>/g;
function mavenOwnArtifact(pom) {
  const head = pom.replace(/<parent>[\s\S]*?<\/parent>/, "").split(/<(dependencies|dependencyManagement|build|profiles|modules|properties|reporting)>/)[0];
  return /<artifactId>\s*([\w.-]+)\s*<\/artifactId>/.exec(head)?.[1];
}
async function withModuleDependencies(files, start) {
  const all = files.files.map((f) => f.path).filter((p) => JVM_BUILD_FILE.test(p));
  let mavenModules;
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length && seen.size < 200) {
    const build = queue.shift();
    const text = await files.read(build) ?? "";
    const next = [];
    for (const m of text.matchAll(GRADLE_PROJECT)) {
      const dir = m[1].replace(/^:/, "").replace(/:/g, "/");
      next.push(...all.filter((p) => posix.dirname(p) === dir && /\.gradle(\.kts)?$/.test(p)));
    }
    if (build.endsWith("pom.xml")) {
      if (!mavenModules) {
        mavenModules = /* @__PURE__ */ new Map();
        for (const pom of all.filter((p) => p.endsWith("pom.xml"))) {
          const id2 = mavenOwnArtifact(await files.read(pom) ?? "");
          if (id2 && !mavenModules.has(id2)) mavenModules.set(id2, pom);
        }
      }
      for (const m of text.matchAll(MAVEN_DEPENDENCY)) {
        const pom = mavenModules.get(m[1]);
        if (pom) next.push(pom);
      }
    }
    for (const n of next) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return [...seen];
}
function settingText(setting) {
  if (!setting) return void 0;
  const v = setting.value;
  if (v.kind === "computed") return void 0;
  if (v.kind === "deployment") return /\$/.test(v.text) ? void 0 : v.text;
  return v.text;
}
function describeSpringSetting(s) {
  const v = s.value;
  if (v.kind === "deployment") return `${s.key} is set to \`${v.text}\` by ${v.envVar} in ${v.path}:${v.line}`;
  if (v.kind === "env-default") return `${s.key} falls back to \`${v.text}\` when ${v.envVar} is not set (${s.path}:${s.line})`;
  if (v.kind === "computed") return `${s.key} is \`${v.raw}\` (${s.path}:${s.line})`;
  return `${s.key}=${v.text} (${s.path}:${s.line})`;
}
var SPRING_RESOLUTION_DOC = [
  'Spring Boot settings are judged as the production process would load them (Spring Boot reference, "Externalized Configuration"):',
  "",
  "- **Which application.** Every `src/main/resources/` folder with an `application*.yml`, `.yaml` or `.properties` (in it or in its `config/`); its build files are the `pom.xml`/`build.gradle` of its module and the modules above it, its sources the `.java`/`.kt` files of the same `src/main/`.",
  "- **Which profiles.** `SPRING_PROFILES_ACTIVE` (or `-Dspring.profiles.active=`, `--spring.profiles.active=`) in a production deployment file (compose `environment`, Dockerfile `ENV`, Kubernetes `env`, env files, scripts, the entry point or JVM flags of a Maven/Gradle build that makes the image: docker-maven-plugin, Jib), else in a file of unknown role; else `spring.profiles.active` in `application.*` (not a Maven `@...@` filter); else the `prod`/`production` profile when `application-prod.*` exists, and otherwise the default profile, **said in every failing finding as assumed**. `spring.profiles.include` and `spring.profiles.group.<name>` add theirs.",
  "- **Which files, which values.** `application.*` in the folder then in `config/`, then `application-<profile>.*` for each active profile in order, a later file winning and `.properties` over `.yml` in one place; a document of a multi-document file (`---`, `#---`) counts only when its `spring.config.activate.on-profile` (`prod`, `!dev`, `a | b`, `a & b`) matches. Keys compare by relaxed binding (`ddl-auto` = `ddlAuto` = `ddl_auto`).",
  "- **The environment wins.** A variable of a production deployment file overrides the key it binds to (`SPRING_DATASOURCE_PASSWORD` \u2192 `spring.datasource.password`: dots become underscores, dashes are dropped); `${NAME:default}` runs with the deployment's NAME when it sets one, else with the default; `${NAME}` without a default is supplied at run time and never judged as a committed value. A configuration file that does not parse is an `error` for every Spring check."
].join("\n");

// src/parse/image-facts.ts
var TABLE = [
  [/^(postgres|postgresql|postgis|timescaledb(-ha)?|pgvector)$/, { kind: "sql", datastore: "postgres", store: true, database: true }],
  // Postgres with in-place major upgrades; its Dockerfile runs pgautoupgrade-healthcheck.sh.
  [/^pgautoupgrade$/, { kind: "sql", datastore: "postgres", store: true, database: true, healthcheck: true }],
  [/^(mysql|mysql-server|percona(-server)?)$/, { kind: "sql", datastore: "mysql", store: true, database: true }],
  [/^mariadb$/, { kind: "sql", datastore: "mariadb", store: true, database: true }],
  [/^(mongo|mongodb|mongodb-community-server)$/, { kind: "document", datastore: "mongo", store: true, database: true }],
  // Redis and the servers that speak its protocol and take its options (FalkorDB is Redis with a graph module).
  [/^(redis|redis-stack(-server)?|valkey|keydb|falkordb|dragonfly|garnet|redict)$/, { kind: "key-value", datastore: "redis", store: true }],
  [/^rabbitmq$/, { kind: "broker", datastore: "rabbitmq", store: true }],
  [/^(elasticsearch|opensearch)$/, { kind: "search", datastore: "elasticsearch", store: true }],
  [/^memcached$/, { kind: "key-value", datastore: "memcached", store: true }],
  [/^minio$/, { kind: "object-store", datastore: "minio", store: true }],
  [/^seaweedfs$/, { kind: "object-store", store: true }],
  [/^(clickhouse|clickhouse-server)$/, { kind: "columnar", store: true, database: true }],
  [/^(cassandra|couchdb)$/, { kind: "document", store: true, database: true }],
  [/^scylla$/, { kind: "document" }],
  [/^neo4j$/, { kind: "graph", store: true, database: true }],
  [/^(kafka|nats)$/, { kind: "broker", store: true }],
  [/^(cp-kafka|redpanda)$/, { kind: "broker" }],
  [/^zookeeper$/, { kind: "coordination" }],
  [/^(meilisearch|typesense)$/, { kind: "search" }],
  [/^(qdrant|weaviate|chroma|milvus)$/, { kind: "vector" }],
  [/^mc$/, { kind: "client" }],
  [/^(mailhog|mailpit|maildev|smtp4dev|mailcatcher|inbucket)$/, { kind: "mail-catcher" }],
  [/^(localstack|azurite|dynamodb-local|fake-gcs-server|pubsub-emulator|firebase-emulator)$/, { kind: "emulator" }],
  [/^(adminer|pgadmin4|phpmyadmin|mongo-express|redis-commander|redisinsight)$/, { kind: "admin-ui" }],
  [/^(openldap|test-openldap)$/, { kind: "directory" }],
  [/^(wiremock|mockserver|toxiproxy)$/, { kind: "mock" }]
];
var HEALTHCHECK_IMAGES = /* @__PURE__ */ new Set(["vaultwarden/server", "louislam/uptime-kuma", "pihole/pihole", "jellyfin/jellyfin", "pgautoupgrade/pgautoupgrade"]);
function imageRepository(image) {
  const withoutDigest = image.split("@")[0];
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  return (colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)).toLowerCase().replace(/^(docker\.io\/|index\.docker\.io\/)/, "").replace(/^library\//, "");
}
function imageFacts(image) {
  if (!image) return void 0;
  const repository = imageRepository(image);
  const name2 = repository.slice(repository.lastIndexOf("/") + 1);
  return TABLE.find(([pattern]) => pattern.test(name2))?.[1];
}
function declaresHealthcheck(image) {
  return image !== void 0 && (HEALTHCHECK_IMAGES.has(imageRepository(image)) || imageFacts(image)?.healthcheck === true);
}
var IMAGE_FACTS_DOC = [
  "| image names (last path segment) | kind | datastore | store | HEALTHCHECK |",
  "| --- | --- | --- | --- | --- |",
  ...TABLE.map(([pattern, f]) => `| \`${pattern.source.replace(/^\^\(?|\)?\$$/g, "").replace(/\|/g, ", ")}\` | ${f.kind} | ${f.datastore ?? ""} | ${f.store ? "yes" : ""} | ${f.healthcheck ? "yes" : ""} |`),
  "",
  `Images that declare a HEALTHCHECK, by repository: ${[...HEALTHCHECK_IMAGES].map((r) => `\`${r}\``).join(", ")}.`
].join("\n");

// src/model/roles.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var UNKNOWN_ROLE = { role: "unknown", reason: "nothing shows that production reaches it (no deploy step, build or entrypoint names it)", rule: "unknown" };
var PROJECT_MANIFEST = /(^|\/)(package\.json|pyproject\.toml|setup\.py|setup\.cfg|go\.mod|Cargo\.toml|composer\.json|Gemfile|pom\.xml|build\.gradle(\.kts)?|mix\.exs|[^/]+\.csproj)$/;
function projectRootsOf(paths) {
  const roots = /* @__PURE__ */ new Set();
  for (const path of paths) {
    if (!PROJECT_MANIFEST.test(path)) continue;
    const slash = path.lastIndexOf("/");
    if (slash > 0) roots.add(path.slice(0, slash));
  }
  return roots;
}
var FileRoles = class _FileRoles {
  constructor(byPath, projectRoots = /* @__PURE__ */ new Set()) {
    this.byPath = byPath;
    this.projectRoots = projectRoots;
  }
  byPath;
  projectRoots;
  /**
   * Roles of paths the table gave none when computed (production by default),
   * or asked for later: every check asks for many paths, several times, and
   * the path table is some 40 expressions.
   */
  fromTable = /* @__PURE__ */ new Map();
  of(path) {
    const known2 = this.byPath.get(path) ?? this.fromTable.get(path);
    if (known2) return known2;
    const info = roleFromPath(path, this.projectRoots) ?? UNKNOWN_ROLE;
    this.fromTable.set(path, info);
    return info;
  }
  is(path, ...roles) {
    return roles.includes(this.of(path).role);
  }
  /**
   * These roles with `overrides` applied (facts the path table cannot know,
   * e.g. the settings module a deployment names); a role given by the
   * configuration (`repo.roles`) is kept.
   */
  withOverrides(overrides2) {
    if (!overrides2.size) return this;
    const merged = new Map(this.byPath);
    for (const [path, info] of overrides2) {
      if (merged.get(path)?.rule !== CONFIGURED_RULE) merged.set(path, info);
    }
    return new _FileRoles(merged, this.projectRoots);
  }
  /** These roles with `facts` given only to files whose role is still unknown. */
  withFallbacks(facts) {
    return this.withFallbacksOver(facts, NO_PRESUMPTIONS);
  }
  /**
   * These roles with `facts` given to files whose role is unknown or was presumed from content alone by one of
   * `presumptions` (a compose file that sets MIX_ENV=prod is the production build, not proof anyone deploys it:
   * a contributors' guide that runs it says what it is for).
   */
  withFallbacksOver(facts, presumptions) {
    if (!facts.size) return this;
    const merged = new Map(this.byPath);
    for (const [path, info] of facts) {
      const current = this.of(path);
      if (current === UNKNOWN_ROLE || current.rule !== void 0 && presumptions.has(current.rule)) merged.set(path, info);
    }
    return new _FileRoles(merged, this.projectRoots);
  }
  /** Files production reaches or may reach (proven, or unknown): what checks that look for production problems read. */
  mayBeProduction(path) {
    return this.is(path, "production", "unknown");
  }
  /** Production, development and unknown files: what deployment checks judge (the policy caps the last two). */
  isDeployed(path) {
    return this.is(path, "production", "development", "unknown");
  }
};
var NO_PRESUMPTIONS = /* @__PURE__ */ new Set();
var CONFIGURED_RULE = "config:repo.roles";
var ANY_RULE = [...new Set(ROLE_RULES.map((r) => r.path.flags))].map(
  (flags) => new RegExp(ROLE_RULES.filter((r) => r.path.flags === flags).map((r) => `(?:${r.path.source})`).join("|"), flags)
);
function projectRelative(path, projectRoots) {
  const out = [path];
  if (!projectRoots.size) return out;
  for (let slash = path.indexOf("/"); slash > 0; slash = path.indexOf("/", slash + 1)) {
    if (projectRoots.has(path.slice(0, slash))) out.push(path.slice(slash + 1));
  }
  return out;
}
function roleFromPath(path, projectRoots = /* @__PURE__ */ new Set(), rules = ROLE_RULES) {
  const forms = projectRelative(path, projectRoots);
  if (rules === ROLE_RULES && !forms.some((form) => ANY_RULE.some((any) => any.test(form)))) return void 0;
  for (const rule of rules) {
    const hit = rule.scope === "project" ? forms.some((form) => rule.path.test(form)) : rule.path.test(path);
    if (hit) return { role: rule.role, reason: rule.why, rule: rule.id };
  }
  return void 0;
}
async function computeRoles(files, configured = []) {
  const matchers = configured.map((c) => ({ ...c, matches: (0, import_picomatch.default)(c.glob, { dot: true }) }));
  const projectRoots = projectRootsOf(files.files.map((f) => f.path));
  const byPath = /* @__PURE__ */ new Map();
  const undecided = [];
  const breather = new Breather(20);
  for (const { path } of files.files) {
    await breather.due();
    const given = matchers.find((m) => m.matches(path));
    if (given) {
      byPath.set(path, { role: given.role, reason: `repo.roles: ${given.glob}`, rule: CONFIGURED_RULE });
      continue;
    }
    const fromPath = roleFromPath(path, projectRoots);
    if (fromPath) byPath.set(path, fromPath);
    else if (isComposeFile(path) || isDockerfile(path) || isRequirementsLike(path) || path.endsWith(".go")) undecided.push(path);
  }
  const developsCode = files.files.some((f) => APPLICATION_CODE.test(f.path) && roleFromPath(f.path, projectRoots) === void 0);
  await mapLimited(undecided, READ_CONCURRENCY, async (path) => {
    const text = path.endsWith(".go") ? (await files.readHead(path, 4096))?.toString("utf8") : await files.read(path);
    const fromContent = text === void 0 ? void 0 : roleFromContent(path, text);
    if (fromContent) byPath.set(path, fromContent);
    else if (text !== void 0 && developsCode && isComposeFile(path) && runsOnlyBackingServices(text)) {
      byPath.set(path, {
        role: "development",
        reason: "runs only backing services (databases, brokers, mail catchers) beside the application developed in this repository: a local dependency stack",
        rule: "content:dependency-stack"
      });
    }
  });
  return new FileRoles(byPath, projectRoots);
}
function isRequirementsLike(path) {
  return /(^|\/)(requirements[\w.-]*\.(txt|in)|\.env[\w.-]*|[\w-]+\.env|package\.json|pyproject\.toml)$/i.test(path);
}
function headerComment(text, lines = 3) {
  const out = [];
  let start = 0;
  for (let n = 0; n < 40 && out.length < lines && start < text.length; n++) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 500)).trim();
    start = end + 1;
    if (line === "" || line === "---") continue;
    if (!line.startsWith("#")) break;
    out.push(line.replace(/[*_`]+/g, ""));
  }
  return out.join("\n");
}
var DEV_HEADER = /\b(local[- ]dev(elopment)?\b|development (only|environment|setup|stack|purposes?|use)|for (local )?dev(elopment)?\b|dev(elopment)?[- ]only|not (meant |intended |suitable |to be used )?(for|in) production|do not use (this |these |the )?([\w-]+ )?(in|for) production|local (testing|setup|use) only)/i;
var CUSTOMISE_FIRST = /^[\s\w]{0,12}\bwithout\s+(first\s+)?(customi[sz]|chang|modify|adapt|review|adjust|harden|secur|configur|tun)/i;
var NOT_FOR_PRODUCTION = /\b(do not|don'?t|never) use (this|these|the|it)( [\w-]+)? (in|for) production\b|\bnot (meant|intended|suitable) (for|in) production\b/i;
var PRODUCTION_HEADER = /\b(self[- ]?host(ed|ing)?\b|for (use in )?production\b|production (deployments?|use|setups?|installs?|installations?)\b|(to|for) deploy(ing|ment)? (it|this|the app(lication)?|\w+) (on|to) (your|a) (own )?(server|host|vps|cluster))/i;
var TEST_HEADER = /\b(for (running )?(the )?tests|test(ing)? (only|environment|setup|stack|deployments?)|internal testing|used by (the )?(test suite|ci)|not (to be )?used for (personal |production |real )?deployments?)\b/i;
var DEV_SERVER = /\b(manage\.py\s+runserver(_plus)?|runserver\s+0|flask\s+run\b[^\n]{0,200}--debug|uvicorn\b[^\n]{0,200}--reload|--reload\b|nodemon\b|(npm|pnpm|yarn|bun)\s+(run\s+)?dev\b|next\s+dev\b|vite\b\s*$|ng\s+serve\b|rails\s+s(erver)?\b[^\n]{0,100}-e\s+development)/im;
var DEV_ENVIRONMENT_BASE = /^[ \t]*FROM[ \t]+(?:--platform=\S+[ \t]+)?((?:mcr\.microsoft\.com\/(?:vscode\/)?devcontainers|[\w.-]+\/cloud-workstations-images\/predefined|gitpod\/workspace-)[^\s]*)/im;
var DEV_RUNTIME = /vendor\/laravel\/sail\/runtimes|\bsail-\d+(\.\d+)?\/app\b|\bdrud\/ddev|\bddev\/ddev-/;
var ENV_OF_ENV_FILE = /^\s*(?:export\s+)?(APP_ENV|NODE_ENV|RAILS_ENV|RACK_ENV|MIX_ENV|FLASK_ENV|DJANGO_ENV|ENVIRONMENT|ASPNETCORE_ENVIRONMENT|GO_ENV)\s*=\s*["']?(development|dev|local|test|testing)["']?\s*$/im;
var PRODUCTION_ENVIRONMENT = /^\s*-?\s*["']?(MIX_ENV|NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|FLASK_ENV|DJANGO_ENV|ASPNETCORE_ENVIRONMENT|GO_ENV|SPRING_PROFILES_ACTIVE)["']?\s*[=:]\s*["']?(prod|production)["']?\s*$/im;
var TEMPLATE_SYNTAX = /\{\{\s*(cookiecutter|copier|_copier)\.|\{%-?\s*(if|for|raw|set|endif|endfor|else|elif)\b/;
var TEST_BUILD_TAG = /^(e2e\w*|\w*e2e|integration\w*|\w*test|\w*tests|testing|mock\w*|fixtures?)$/i;
function goTestBuildTag(text) {
  const head = text.slice(0, 4096);
  const packageAt = head.search(/^package\s/m);
  const m = /^\/\/go:build[ \t]+(.+)$/m.exec(packageAt < 0 ? head : head.slice(0, packageAt));
  if (!m) return void 0;
  const alternatives = m[1].split("||").map((alt) => alt.split("&&").map((t2) => t2.trim().replace(/^\(+|\)+$/g, "")));
  const required = alternatives.map((conjuncts) => conjuncts.find((t2) => !t2.startsWith("!") && TEST_BUILD_TAG.test(t2)));
  return required.every((t2) => t2 !== void 0) ? m[1].trim() : void 0;
}
function roleFromContent(path, text, asCompose = isComposeFile(path)) {
  if (path.endsWith(".go")) {
    const tag = goTestBuildTag(text);
    return tag ? { role: "test", reason: `its build constraint (//go:build ${tag.slice(0, 60)}) compiles it into test builds only`, rule: "content:go-test-build-tag" } : void 0;
  }
  const head = text.length > 2e5 ? text.slice(0, 2e5) : text;
  if (TEMPLATE_SYNTAX.test(head)) return { role: "template", reason: "contains unrendered template tags ({% ... %} / {{ cookiecutter.* }})", rule: "content:template-tags" };
  const header = headerComment(head);
  const opening = headerComment(head, 10);
  const refusal = NOT_FOR_PRODUCTION.exec(opening);
  const adapted = refusal ? CUSTOMISE_FIRST.test(opening.slice(refusal.index + refusal[0].length, refusal.index + refusal[0].length + 80).replace(/\n#\s*/g, " ")) : false;
  if (refusal && !adapted) return { role: "development", reason: `its opening comment says not to use it in production: "${refusal[0]}"`, rule: "content:dev-header" };
  if (DEV_HEADER.test(header) && !(adapted && NOT_FOR_PRODUCTION.test(header))) return { role: "development", reason: `its header comment says it is for development: "${firstMatchLine(header, DEV_HEADER)}"`, rule: "content:dev-header" };
  if (TEST_HEADER.test(header)) return { role: "test", reason: `its header comment says it is for tests: "${firstMatchLine(header, TEST_HEADER)}"`, rule: "content:test-header" };
  if (isDockerfile(path)) {
    const from = DEV_ENVIRONMENT_BASE.exec(head);
    if (from) return { role: "development", reason: `builds on a developer-environment image (${from[1]})`, rule: "content:dev-environment-image" };
  }
  if (asCompose || isDockerfile(path)) {
    const server = DEV_SERVER.exec(head);
    if (server) return { role: "development", reason: `runs a development server (${server[0].trim().slice(0, 60)})`, rule: "content:dev-server" };
  }
  if (asCompose && /^\s*build\s*:/m.test(head)) {
    const devImage = /^\s*image\s*:\s*["']?[\w./-]+:(dev|devel|develop|development|debug)["']?\s*$/m.exec(head);
    if (devImage) return { role: "development", reason: `builds the application as a development image (${devImage[0].trim()})`, rule: "content:dev-image" };
  }
  if (asCompose) {
    const devBuild = /^\s*dockerfile\s*:\s*["']?([\w./-]*(?:Dockerfile|Containerfile)[.-](?:dev|devel|development|local)|[\w./-]*(?:dev|local)\.(?:Dockerfile|Containerfile))["']?\s*$/im.exec(head);
    if (devBuild) return { role: "development", reason: `it builds the development Dockerfile ${devBuild[1]}`, rule: "content:dev-dockerfile-build" };
    const runtime = DEV_RUNTIME.exec(head);
    if (runtime) return { role: "development", reason: `runs a framework's development runtime (${runtime[0].trim().slice(0, 60)})`, rule: "content:dev-runtime" };
    const devEnv = DEV_ENV_FILE.exec(head);
    if (devEnv) return { role: "development", reason: `its services load a development env file (${devEnv[1]})`, rule: "content:dev-env-file" };
  }
  if (/(^|\/)(\.env[\w.-]*|[\w-]+\.env)$/.test(path)) {
    const env = ENV_OF_ENV_FILE.exec(head);
    if (env) {
      const role = /^test/i.test(env[2]) ? "test" : "development";
      return { role, reason: `it sets ${env[1]}=${env[2]}`, rule: "content:env-file-environment" };
    }
  }
  if (asCompose && PRODUCTION_HEADER.test(header)) {
    return { role: "production", reason: `its header comment presents it to operators: "${firstMatchLine(header, PRODUCTION_HEADER)}"`, rule: "content:production-header" };
  }
  if (asCompose || /(^|\/)(\.env[\w.-]*|[\w-]+\.env)$/.test(path)) {
    const prod = PRODUCTION_ENVIRONMENT.exec(head);
    if (prod) return { role: "production", reason: `it sets ${prod[1]} to ${prod[2]}`, rule: "content:production-environment" };
  }
  if (asCompose) {
    const tls = PUBLIC_TLS.exec(head);
    if (tls) return { role: "production", reason: `it obtains public TLS certificates for its domain (${tls[0].trim().slice(0, 60)})`, rule: "content:public-tls" };
  }
  if (asCompose && isLocalDependencyStack(head)) {
    return { role: "development", reason: "builds no application and publishes its ports on loopback only: a local dependency stack", rule: "content:loopback-stack" };
  }
  return void 0;
}
var DEV_ENV_FILE = /^\s*(?:env_file\s*:\s*|-\s+)(?:path\s*:\s*)?["']?((?:[\w.-]+\/)*(?:\.env[.-](?:dev|development|local)(?:\.[\w-]+)*|(?:dev|development|local)\.env))["']?\s*$/m;
var PUBLIC_TLS = /\b(nginxproxy\/acme-companion|jrcs\/letsencrypt-nginx-proxy-companion|certbot\/certbot)\b|certificatesresolvers\.[\w-]+\.acme\.(email|httpchallenge|tlschallenge|dnschallenge)|\bLETSENCRYPT_(HOST|EMAIL)\s*[:=]\s*["']?[\w${]/i;
function isLocalDependencyStack(text) {
  if (!runsOnlyBackingServices(text)) return false;
  const ports = text.match(/^\s*-\s*["']?[\d.:[\]${}A-Za-z_-]*\d+:\d+[^\n]*$/gm) ?? [];
  if (ports.length === 0) return false;
  return ports.every((p) => /["'\s-](127\.0\.0\.1|localhost|\[::1\]):/.test(p));
}
function firstMatchLine(text, pattern) {
  const line = text.split("\n").find((l) => pattern.test(l)) ?? "";
  const clean2 = line.replace(/^#+\s*/, "");
  return clean2.length > 80 ? `${clean2.slice(0, 77)}...` : clean2;
}
var NON_PRODUCTION_PROFILE = /^(dev|devel|development|local|debug|test|tests|testing|ci|e2e|tools?|admin[-_]?tools|deprecated|legacy|old|manual|migrate[-_]?old)$/i;
function roleOfProfiles(profiles) {
  if (profiles.length === 0 || !profiles.every((p) => NON_PRODUCTION_PROFILE.test(p))) return void 0;
  const role = profiles.every((p) => /^(test|tests|testing|ci|e2e)$/i.test(p)) ? "test" : "development";
  return { role, reason: `the service runs only in the compose profile(s) ${profiles.join(", ")}`, rule: "content:compose-profile" };
}
function isBackingServiceImage(image) {
  const withDefault = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]+)\}/.exec(image);
  if (withDefault) return isBackingServiceImage(withDefault[1]);
  if (/^\$\{?[A-Za-z_]/.test(image)) return false;
  return imageFacts(image) !== void 0;
}
var APPLICATION_CODE = /\.(py|[cm]?[jt]sx?|rb|java|kt|scala|go|php|rs|cs|ex|exs|swift|dart)$/i;
function runsOnlyBackingServices(text) {
  if (/^\s*build\s*:/m.test(text)) return false;
  const images = [...text.matchAll(/^[ \t]*image[ \t]*:[ \t]*["']?([^\s"'#]+)/gm)].map((m) => m[1]);
  return images.length > 0 && images.every(isBackingServiceImage);
}

// src/model/deployments.ts
import { posix as posix3 } from "node:path";

// src/parse/compose.ts
import { dirname, posix as posix2 } from "node:path";
var import_yaml3 = __toESM(require_dist(), 1);

// src/parse/interpolation.ts
function isRequired(ref) {
  return ref.operator === ":?" || ref.operator === "?";
}
function defaultOf(ref) {
  return ref.operator === ":-" || ref.operator === "-" ? ref.argument : void 0;
}
var NAME_START = /[A-Za-z_]/;
var NAME_CHAR = /[A-Za-z0-9_]/;
var MAX_DEPTH = 8;
function findReferences(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf("$", i);
    if (dollar < 0) break;
    const next = text[dollar + 1];
    if (next === "$") {
      i = dollar + 2;
      continue;
    }
    if (next === "{") {
      const close = matchingBrace(text, dollar + 2);
      if (close < 0) break;
      const ref = parseBraced(text.slice(dollar + 2, close), dollar, close + 1 - dollar);
      if (ref) out.push(ref);
      i = close + 1;
      continue;
    }
    if (next !== void 0 && NAME_START.test(next)) {
      let end = dollar + 2;
      while (end < text.length && NAME_CHAR.test(text[end])) end++;
      out.push({ name: text.slice(dollar + 1, end), offset: dollar, length: end - dollar });
      i = end;
      continue;
    }
    i = dollar + 1;
  }
  return out;
}
function matchingBrace(text, start) {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
function parseBraced(body, offset, length) {
  let end = 0;
  if (!NAME_START.test(body[0] ?? "")) return void 0;
  while (end < body.length && NAME_CHAR.test(body[end])) end++;
  const name2 = body.slice(0, end);
  const rest = body.slice(end);
  if (rest === "") return { name: name2, offset, length };
  const operator2 = ["-", "?", "+"].includes(rest[0]) ? rest[0] : rest.slice(0, 2);
  if (!["-", "?", "+", ":-", ":?", ":+"].includes(operator2)) return void 0;
  return { name: name2, operator: operator2, argument: rest.slice(operator2.length), offset, length };
}
function interpolate(text, lookup = () => void 0, options = {}) {
  return interpolateAt(text, lookup, options, 0);
}
function interpolateAt(text, lookup, options, depth) {
  const unresolved = [];
  const required = [];
  let value = "";
  let last = 0;
  for (const ref of findReferences(text)) {
    value += unescape2(text.slice(last, ref.offset));
    last = ref.offset + ref.length;
    const set = lookup(ref.name);
    const nested = (arg) => {
      if (depth >= MAX_DEPTH) return arg;
      const inner = interpolateAt(arg, lookup, options, depth + 1);
      unresolved.push(...inner.unresolved);
      required.push(...inner.required);
      return inner.value;
    };
    switch (ref.operator) {
      case ":-":
        value += set !== void 0 && set !== "" ? set : nested(ref.argument ?? "");
        break;
      case "-":
        value += set !== void 0 ? set : nested(ref.argument ?? "");
        break;
      case ":+":
        value += set !== void 0 && set !== "" ? nested(ref.argument ?? "") : "";
        break;
      case "+":
        value += set !== void 0 ? nested(ref.argument ?? "") : "";
        break;
      default:
        if (set !== void 0) value += set;
        else {
          value += options.unset?.(ref.name) ?? "";
          unresolved.push(ref.name);
          if (isRequired(ref)) required.push(ref.name);
        }
    }
  }
  value += unescape2(text.slice(last));
  return { value, unresolved, required };
}
function unescape2(text) {
  return text.includes("$$") ? text.replace(/\$\$/g, "$") : text;
}
function splitOutsideInterpolation(text) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "$" && text[i + 1] === "{") depth++;
    else if (c === "}" && depth > 0) depth--;
    if (c === ":" && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

// src/parse/compose.ts
function interpolateInFile(file, text, options) {
  return file?.deployment ? file.deployment.interpolate(text, options) : interpolate(text, void 0, options);
}
async function loadComposeFiles(ctx) {
  const paths = ctx.files.files.filter((f) => isComposeFile(f.path)).map((f) => f.path);
  const loaded = await mapLimited(paths, READ_CONCURRENCY, (path) => loadComposeFile(ctx, path));
  return loaded.filter((f) => f !== void 0);
}
async function loadComposeFile(ctx, path) {
  const yaml = await ctx.parsed.yaml(path);
  if (!yaml) return void 0;
  const pending = ctx.parsed.memo("compose", path, (text) => buildComposeFile(ctx, path, text, yaml));
  return await pending ?? void 0;
}
async function loadWrittenCompose(ctx, page, fenceLine) {
  const built = await ctx.parsed.memo("compose-written", page, async (text) => {
    const inPlace = blockInPlace(text, fenceLine);
    const file = await buildComposeFile(ctx, page, inPlace, parseYaml(inPlace));
    return { ...file, text: inPlace };
  });
  return built ?? void 0;
}
function blockInPlace(text, fenceLine) {
  const lines = text.split("\n");
  const out = lines.map(() => "");
  const indent2 = /^\s*/.exec(lines[fenceLine - 1] ?? "")?.[0].length ?? 0;
  for (let i = fenceLine; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(```|~~~)/.test(line)) break;
    out[i] = line.slice(0, indent2).trim() === "" ? line.slice(indent2) : line;
  }
  return out.join("\n");
}
async function buildComposeFile(ctx, path, text, yaml) {
  const problem = yaml.errors[0];
  if (problem) return { path, services: [], error: { line: clampLine(text, problem.line), message: problem.message } };
  try {
    const own = rawServices(path, yaml);
    const services = [];
    const notes = [];
    for (const raw of own.values()) {
      const note = (message) => {
        notes.push({ line: lineOfKey(raw, "extends"), message: `service \`${raw.name}\`: ${message}` });
      };
      const chain = await extendsChain(ctx, raw, own, /* @__PURE__ */ new Set([`${path}#${raw.name}`]), 0, note);
      services.push(makeService(raw, chain));
    }
    return { path, services, includes: includesOf(path, yaml), notes };
  } catch (err) {
    return { path, services: [], error: { line: 1, message: err instanceof Error ? err.message.split("\n")[0] : String(err) } };
  }
}
function rawServices(path, yaml) {
  const out = /* @__PURE__ */ new Map();
  const doc = yaml.documents[0];
  if (!doc || !(0, import_yaml3.isMap)(doc.contents)) return out;
  const servicesPair = findPair(doc, doc.contents, "services");
  const servicesNode = servicesPair ? deref(doc, servicesPair.value) : void 0;
  if (!(0, import_yaml3.isMap)(servicesNode)) return out;
  for (const pair2 of servicesNode.items) {
    const value = deref(doc, pair2.value);
    if (!(0, import_yaml3.isScalar)(pair2.key) || !(0, import_yaml3.isMap)(value)) continue;
    const name2 = String(pair2.key.value);
    const plain = value.toJS(doc, { maxAliasCount: 1e4 });
    out.set(name2, { name: name2, layer: { path, yaml, doc, node: value }, line: yaml.lineOf(pair2), plain: normalise(plain) });
  }
  return out;
}
async function extendsChain(ctx, raw, sameFile, seen, depth, note) {
  const chain = [raw];
  const ext = raw.plain.extends;
  if (depth > 10 || ext === void 0 || ext === null) return chain;
  const target = typeof ext === "string" ? { service: ext } : ext;
  if (typeof target.service !== "string") return chain;
  let base;
  let baseFile = sameFile;
  if (typeof target.file === "string") {
    const basePath = posix2.normalize(posix2.join(dirname(raw.layer.path).replace(/\\/g, "/"), target.file));
    if (basePath.startsWith("..") || /^[a-z][a-z0-9+.-]*:\/\//i.test(target.file)) {
      note(`\`${raw.name}\` extends ${target.file}, outside the repository: not followed.`);
      return chain;
    }
    const yaml = await ctx.parsed.yaml(basePath).catch(() => void 0);
    if (!yaml || yaml.errors.length) {
      note(`\`${raw.name}\` extends ${basePath}, which ${yaml ? "is not valid YAML" : "is not in the repository"}: compose would refuse to start it.`);
      return chain;
    }
    baseFile = rawServices(basePath, yaml);
    base = baseFile.get(target.service);
  } else {
    base = sameFile.get(target.service);
  }
  if (!base) {
    note(`\`${raw.name}\` extends \`${target.service}\`, which is not defined${typeof target.file === "string" ? ` in ${target.file}` : ""}: compose would refuse to start it.`);
    return chain;
  }
  const key = `${base.layer.path}#${base.name}`;
  if (seen.has(key)) {
    note(`\`${raw.name}\` has cyclic \`extends\` (back to \`${base.name}\` in ${base.layer.path}): compose would refuse it; judged without the cycle.`);
    return chain;
  }
  seen.add(key);
  return [...chain, ...await extendsChain(ctx, base, baseFile, seen, depth + 1, note)];
}
function lineOfKey(raw, key) {
  const pair2 = findPair(raw.layer.doc, raw.layer.node, key);
  return pair2 ? raw.layer.yaml.lineOf(pair2) : raw.line;
}
function includesOf(path, yaml) {
  const doc = yaml.documents[0];
  if (!doc || !(0, import_yaml3.isMap)(doc.contents)) return [];
  const pair2 = findPair(doc, doc.contents, "include");
  const list2 = pair2 ? deref(doc, pair2.value) : void 0;
  if (!(0, import_yaml3.isSeq)(list2)) return [];
  const out = [];
  const add = (node) => {
    const value = deref(doc, node);
    if (!(0, import_yaml3.isScalar)(value) || typeof value.value !== "string") return;
    const text = value.value.trim();
    const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith("git@") || /^oci:/i.test(text);
    const resolved = remote ? text : posix2.normalize(posix2.join(posix2.dirname(path), text));
    out.push({ path: resolved, line: yaml.lineOf(value), remote });
  };
  for (const item of list2.items) {
    const entry = deref(doc, item);
    if ((0, import_yaml3.isMap)(entry)) {
      const p = findPair(doc, entry, "path");
      const value = p ? deref(doc, p.value) : void 0;
      if ((0, import_yaml3.isSeq)(value)) value.items.forEach(add);
      else if (value) add(value);
    } else add(entry);
  }
  return out;
}
function makeService(raw, chain) {
  let config = {};
  for (const layer of [...chain].reverse()) config = mergeService(config, layer.plain);
  delete config.extends;
  const profiles = Array.isArray(config.profiles) ? config.profiles.map(String) : [];
  const find = (keyPath) => {
    for (const layer of chain) {
      const node = locateIn(layer.layer.doc, layer.layer.node, keyPath);
      if (node) return { path: layer.layer.path, line: layer.layer.yaml.lineOf(node) };
    }
    return void 0;
  };
  return {
    name: raw.name,
    path: raw.layer.path,
    line: raw.line,
    config,
    profiles,
    locate: (keyPath) => find(keyPath) ?? { path: raw.layer.path, line: raw.line },
    has: (keyPath) => find(keyPath) !== void 0
  };
}
function mergeLayers(layers, deployment) {
  const first = layers[0];
  if (layers.length === 1) return { ...first, deployment };
  let config = {};
  for (const layer of layers) config = mergeService(config, layer.config);
  const profiles = Array.isArray(config.profiles) ? config.profiles.map(String) : [];
  const writer = (keyPath) => [...layers].reverse().find((l) => l.has(keyPath));
  return {
    name: first.name,
    path: first.path,
    line: first.line,
    config,
    profiles,
    deployment,
    locate: (keyPath) => (writer(keyPath) ?? first).locate(keyPath),
    has: (keyPath) => writer(keyPath) !== void 0
  };
}
var CONCATENATED = /* @__PURE__ */ new Set(["ports", "expose", "external_links", "dns", "dns_search", "tmpfs", "volumes", "devices", "cap_add", "cap_drop", "security_opt", "env_file"]);
function mergeService(base, local) {
  const out = { ...base };
  for (const [key, value] of Object.entries(local)) {
    const previous = out[key];
    if (CONCATENATED.has(key) && Array.isArray(previous) && Array.isArray(value)) out[key] = [...previous, ...value];
    else if (isPlainObject(previous) && isPlainObject(value)) out[key] = mergeService(previous, value);
    else out[key] = value;
  }
  return out;
}
function normalise(service) {
  for (const key of ["environment", "labels"]) {
    const value = service[key];
    if (!Array.isArray(value)) continue;
    const map = {};
    for (const item of value) {
      const text = String(item);
      const eq = text.indexOf("=");
      if (eq < 0) map[text] = null;
      else map[text.slice(0, eq)] = text.slice(eq + 1);
    }
    service[key] = map;
  }
  return service;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function deref(doc, node) {
  let current = node;
  for (let i = 0; i < 20 && (0, import_yaml3.isAlias)(current); i++) current = current.resolve(doc);
  return current;
}
function keyName(pair2) {
  if (!(0, import_yaml3.isScalar)(pair2.key)) return void 0;
  const value = pair2.key.value;
  return typeof value === "symbol" ? "<<" : String(value);
}
function findPair(doc, map, key, depth = 0) {
  const direct = map.items.find((p) => keyName(p) === key);
  if (direct || depth > 10) return direct;
  for (const pair2 of map.items) {
    if (keyName(pair2) !== "<<") continue;
    const sources = (0, import_yaml3.isSeq)(pair2.value) ? pair2.value.items : [pair2.value];
    for (const source of sources) {
      const merged = deref(doc, source);
      if ((0, import_yaml3.isMap)(merged)) {
        const found = findPair(doc, merged, key, depth + 1);
        if (found) return found;
      }
    }
  }
  return void 0;
}
function locateIn(doc, root, keyPath) {
  let current = root;
  let found;
  for (const key of keyPath) {
    current = deref(doc, current);
    if ((0, import_yaml3.isMap)(current)) {
      const pair2 = findPair(doc, current, String(key));
      if (!pair2) return void 0;
      found = pair2;
      current = pair2.value;
    } else if ((0, import_yaml3.isSeq)(current)) {
      const item = typeof key === "number" ? current.items[key] : current.items.find((i) => {
        const v = deref(doc, i);
        if (!(0, import_yaml3.isScalar)(v)) return false;
        const text = String(v.value);
        return text === key || text.startsWith(`${key}=`);
      });
      if (!item) return void 0;
      found = item;
      current = item;
    } else {
      return void 0;
    }
  }
  return found;
}
function environmentOf(service) {
  const env = service.config.environment;
  const out = {};
  if (isPlainObject(env)) {
    for (const [k, v] of Object.entries(env)) if (v !== null && v !== void 0) out[k] = String(v);
  }
  return out;
}
function imageOf(service) {
  const image = service.config.image;
  return typeof image === "string" && image.trim() ? image.trim() : void 0;
}
function datastoreOf(image) {
  return imageFacts(image)?.datastore;
}
function hasHealthcheck(service) {
  const hc = service.config.healthcheck;
  if (!isPlainObject(hc)) return false;
  if (hc.disable === true) return false;
  const test = hc.test;
  if (Array.isArray(test) && String(test[0]).toUpperCase() === "NONE") return false;
  return test !== void 0 && test !== null;
}
var ONE_SHOT_PROFILES = /* @__PURE__ */ new Set(["tools", "tool", "tooling", "cli", "job", "jobs", "manual", "setup", "migrate", "migrations", "seed", "init", "test", "tests", "debug", "ops", "admin", "scripts", "utils", "utility"]);
var ONE_SHOT_NAME = /(^|[-_])(migrat(e|es|ion|ions|or|ions?-runner)|init|seed(er|s)?|setup|bootstrap|provision(er)?|createsuperuser|collectstatic|fixtures?|backup|restore|tests?|e2e|lint|prepare|install(er)?|pull(er)?|import(er)?|download(er)?)([-_]|$)/i;
var JOB_COMMAND = /\b(migrate|migrations?|upgrade head|seed|createsuperuser|collectstatic|loaddata|pytest|jest|npm (run )?test|db:(migrate|seed|setup)|init|setup)\b/i;
function isOneShot(service, file) {
  if (service.profiles.some((p) => ONE_SHOT_PROFILES.has(p.toLowerCase()))) return true;
  if (ONE_SHOT_NAME.test(service.name)) return true;
  for (const other of file.services) {
    const deps = other.config.depends_on;
    if (isPlainObject(deps)) {
      const entry = deps[service.name];
      if (isPlainObject(entry) && entry.condition === "service_completed_successfully") return true;
    }
  }
  const restart = service.config.restart;
  if (restart === "no" || restart === false) {
    if (JOB_COMMAND.test(serviceCommand(service))) return true;
  }
  return false;
}
function dependenciesOf(service) {
  const deps = service.config.depends_on;
  if (Array.isArray(deps)) return deps.map((d) => ({ name: String(d) }));
  if (isPlainObject(deps)) {
    return Object.entries(deps).map(([name2, value]) => ({
      name: name2,
      condition: isPlainObject(value) && typeof value.condition === "string" ? value.condition : void 0
    }));
  }
  return [];
}
function serviceCommand(service) {
  return [service.config.command, service.config.entrypoint].flat().filter((c) => c !== void 0 && c !== null).map(String).join(" ");
}
function dockerfileOf(service) {
  const build = service.config.build;
  let context;
  let dockerfile = "Dockerfile";
  if (typeof build === "string") context = build;
  else if (isPlainObject(build)) {
    if (build.dockerfile_inline !== void 0) return void 0;
    context = typeof build.context === "string" ? build.context : ".";
    if (typeof build.dockerfile === "string") dockerfile = build.dockerfile;
  } else return void 0;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith("git@")) return void 0;
  const declaredIn = service.locate(["build"]).path;
  const path = posix2.normalize(posix2.join(posix2.dirname(declaredIn), context, dockerfile));
  return path.startsWith("..") ? void 0 : path;
}
function bindMountsOf(service) {
  const volumes = Array.isArray(service.config.volumes) ? service.config.volumes : [];
  const out = [];
  volumes.forEach((entry, index) => {
    if (typeof entry === "string") {
      const parts = splitOutsideInterpolation(entry);
      if (parts.length < 2) return;
      const [source, target, mode = ""] = parts;
      if (!isHostPath(source)) return;
      out.push({ source, outsideRepository: isOutside(service.path, source), target, readOnly: /(^|,)ro(,|$)/.test(mode), key: entry, text: entry });
    } else if (isPlainObject(entry) && entry.type === "bind" && typeof entry.source === "string" && typeof entry.target === "string") {
      out.push({ source: entry.source, outsideRepository: isOutside(service.path, entry.source), target: entry.target, readOnly: entry.read_only === true, key: index, text: `${entry.source}:${entry.target}${entry.read_only === true ? ":ro" : ""}` });
    }
  });
  return out;
}
function isOutside(composePath, source) {
  if (/^(\/|~|\$)/.test(source)) return true;
  return posix2.normalize(posix2.join(posix2.dirname(composePath), source)).startsWith("..");
}
function isHostPath(source) {
  return /^(\/|\.|~)/.test(source) || source.includes("/") || /^\$\{?PWD\b/.test(source);
}

// src/parse/dotenv.ts
var LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
function parseDotenv(source) {
  const text = source.replace(/\r\n?/g, "\n");
  const lineStarts = lineStartOffsets(text);
  const lineAt = (offset) => lineOfOffset(lineStarts, offset);
  const entries = [];
  const problems = [];
  const covered = new Uint8Array(lineStarts.length + 1);
  LINE.lastIndex = 0;
  let match;
  while ((match = LINE.exec(text)) !== null) {
    if (match[0].length === 0) {
      LINE.lastIndex++;
      continue;
    }
    const key = match[1];
    const keyOffset = match.index + match[0].indexOf(key);
    const raw = (match[2] ?? "").trim();
    const first = raw[0];
    const quote = first === '"' || first === "'" || first === "`" ? first : void 0;
    let value = raw.replace(/^(['"`])([\s\S]*)\1$/gm, "$2");
    if (quote === '"') value = value.replace(/\\n/g, "\n").replace(/\\r/g, "\r");
    const line = lineAt(keyOffset);
    const endLine = lineAt(match.index + Math.max(0, match[0].length - 1));
    for (let l = lineAt(match.index); l <= endLine; l++) covered[l] = 1;
    if (quote && (raw.length < 2 || raw[raw.length - 1] !== quote)) {
      problems.push({ line, message: `the value of ${key} opens a ${quote} quote that is never closed` });
    }
    const exported = /^\s*export\s/.test(text.slice(lineStarts[line - 1], keyOffset));
    entries.push({ key, value, line, endLine, quote: value === raw ? void 0 : quote, exported });
  }
  const lines = text.split("\n");
  lines.forEach((content2, index) => {
    const line = index + 1;
    if (covered[line]) return;
    const trimmed = content2.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    problems.push({ line, message: `line ${line} is not KEY=VALUE; dotenv ignores it` });
  });
  problems.sort((a, b) => a.line - b.line);
  const last = /* @__PURE__ */ new Map();
  for (const entry of entries) last.set(entry.key, entry);
  return { entries, problems, get: (key) => last.get(key), keys: new Set(last.keys()) };
}

// src/model/deployments.ts
var ROLE_RANK = { production: 0, unknown: 1, development: 2, test: 3, tooling: 4, example: 5, template: 6, docs: 7 };
async function computeDeployments(files, parsed, roles, invocations = []) {
  try {
    return await discoverDeployments(files, parsed, roles, invocations);
  } catch (err) {
    const loaded = await mapLimited(
      files.files.filter((f) => isComposeFile(f.path)).map((f) => f.path),
      READ_CONCURRENCY,
      (path) => loadComposeFile({ files, parsed }, path).catch(() => void 0)
    );
    const composeFiles = loaded.filter((f) => f !== void 0);
    const list2 = [];
    for (const file of composeFiles) list2.push(await makeDeployment([file.path], { files: [file.path], how: "on its own" }, files, async () => file, roles.of(file.path)));
    const message = `Compose deployments could not be worked out (${err instanceof Error ? err.message : String(err)}): each compose file is judged on its own.`;
    return {
      files: composeFiles,
      list: list2,
      notes: composeFiles.length ? [{ status: "error", path: composeFiles[0].path, line: 1, message }] : [],
      roleOf: (path) => roles.of(path)
    };
  }
}
async function discoverDeployments(files, parsed, roles, invocations) {
  const ctx = { files, parsed };
  const notes = [];
  const loaded = /* @__PURE__ */ new Map();
  const load = async (path) => {
    if (!loaded.has(path)) {
      const file = await loadComposeFile(ctx, path).catch(() => void 0);
      if (file) loaded.set(path, file);
    }
    return loaded.get(path);
  };
  await mapLimited(files.files.filter((f) => isComposeFile(f.path)).map((f) => f.path), READ_CONCURRENCY, load);
  const chains = [...await namedChains(files, notes), ...implicitPairs(files)];
  const usable = [];
  const seenChain = /* @__PURE__ */ new Set();
  for (const chain of chains) {
    const key = [...chain.files, "--env-file", ...chain.envFiles ?? []].join("\0");
    if (seenChain.has(key)) continue;
    seenChain.add(key);
    const ok = await Promise.all(chain.files.map(load));
    if (ok.every((f) => f !== void 0)) usable.push(chain);
  }
  const included = /* @__PURE__ */ new Set();
  const withIncludes = async (path, stack) => {
    const file = await load(path);
    const out = [];
    for (const inc of file?.includes ?? []) {
      if (inc.remote) {
        pushNote(notes, { status: "skip", path, line: inc.line, message: `${path} includes ${inc.path}, a remote file: not fetched, its services are not judged.` });
      } else if (stack.includes(inc.path)) {
        pushNote(notes, { status: "error", path, line: inc.line, message: `${path} includes ${inc.path}, which includes it back (cyclic include): compose refuses it.` });
      } else if (!files.has(inc.path)) {
        pushNote(notes, { status: "error", path, line: inc.line, message: `${path} includes ${inc.path}, which is not in the repository: compose would refuse to start.` });
      } else {
        included.add(inc.path);
        out.push(...await withIncludes(inc.path, [...stack, inc.path]), inc.path);
      }
    }
    return out;
  };
  const inChain = /* @__PURE__ */ new Map();
  for (const chain of usable) {
    chain.files.forEach((path, position) => inChain.set(path, [...inChain.get(path) ?? [], { chain, position }]));
  }
  const bases = /* @__PURE__ */ new Map();
  for (const file of loaded.values()) {
    const dir = posix3.dirname(file.path);
    if (BASE_NAME.test(posix3.basename(file.path)) && !bases.has(dir)) bases.set(dir, file);
  }
  for (const file of [...loaded.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    if (inChain.has(file.path) || file.error) continue;
    const base = bases.get(posix3.dirname(file.path));
    const fragments = file.services.filter(isFragment);
    if (base && base !== file && fragments.length > 0 && fragments.every((s) => base.services.some((b) => b.name === s.name))) {
      const chain = { files: [base.path, file.path], how: `an overlay of ${base.path} (its services have neither image nor build; no script names how it is used)` };
      usable.push(chain);
      inChain.set(base.path, [...inChain.get(base.path) ?? [], { chain, position: 0 }]);
      inChain.set(file.path, [{ chain, position: 1 }]);
    }
  }
  const deployments = [];
  const chainRoles = /* @__PURE__ */ new Map();
  const build = async (chain) => {
    const ordered = [];
    for (const path of chain.files) {
      for (const p of [...await withIncludes(path, [path]), path]) if (!ordered.includes(p)) ordered.push(p);
    }
    const deployment = await makeDeployment(ordered, chain, files, load, roleOfChain(chain.files, roles));
    chainRoles.set(chain, deployment.role.role);
    deployments.push(deployment);
  };
  for (const chain of usable) await build(chain);
  for (const file of [...loaded.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    const uses = inChain.get(file.path) ?? [];
    if (uses.some((u) => u.chain.files.length === 1)) continue;
    const overlay = uses.some((u) => u.position > 0);
    const baseOfProduction = uses.some((u) => u.position === 0 && (chainRoles.get(u.chain) === "production" || chainRoles.get(u.chain) === "unknown"));
    if (overlay || baseOfProduction) continue;
    await build({ files: [file.path], how: "on its own" });
  }
  const written = await writtenDeployments(ctx, invocations, files, notes);
  deployments.push(...written.map((w) => w.deployment));
  markLocalBuilds(deployments);
  const list2 = deployments.filter((d) => !(d.files.length === 1 && d.how === "on its own" && included.has(d.files[0]))).sort((a, b) => ROLE_RANK[a.role.role] - ROLE_RANK[b.role.role] || a.name.localeCompare(b.name));
  for (const file of loaded.values()) {
    for (const note of file.notes ?? []) pushNote(notes, { status: "skip", path: file.path, line: note.line, message: `${file.path}: ${note.message}` });
  }
  const best = /* @__PURE__ */ new Map();
  for (const d of list2) {
    for (const path of [...d.files, ...d.envFiles.map((e) => e.path), ...d.envPaths]) {
      const current = best.get(path);
      if (!current || ROLE_RANK[d.role.role] < ROLE_RANK[current.role]) best.set(path, d.role);
    }
  }
  return {
    files: [...loaded.values(), ...written.map((w) => w.file)].sort((a, b) => a.path.localeCompare(b.path)),
    list: list2,
    notes: notes.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
    roleOf: (path) => best.get(path) ?? roles.of(path)
  };
}
async function writtenDeployments(ctx, invocations, files, notes) {
  const out = [];
  for (const inv of invocations) {
    if (inv.kind !== "written-compose" || inv.context !== "production") continue;
    const page = inv.targets[0];
    const file = await loadWrittenCompose(ctx, page, inv.line);
    if (!file) continue;
    if (file.error) {
      pushNote(notes, { status: "skip", path: page, line: file.error.line, message: `${page}:${inv.line} writes out a compose file for operators that does not parse as YAML (${file.error.message}): its services are not judged.` });
      continue;
    }
    if (!file.services.length) continue;
    const role = { role: "production", reason: `the compose file ${page}:${inv.line} writes out for operators to save and run (${inv.contextWhy})`, rule: "evidence:written-compose" };
    const chain = { files: [page], how: `written out by ${page}:${inv.line} for operators to save and run`, envFiles: [] };
    out.push({ file, deployment: await makeDeployment([page], chain, files, async () => file, role) });
  }
  return out;
}
function markLocalBuilds(deployments) {
  const published = deployments.filter((d) => d.role.role === "production");
  for (const d of deployments) {
    if (d.role !== UNKNOWN_ROLE) continue;
    const built = d.services.filter((s) => s.config.build !== void 0).map((s) => s.name);
    if (built.length < 2) continue;
    for (const other of published) {
      if (other === d || other.files.some((f) => d.files.includes(f))) continue;
      const fromImages = built.filter((name2) => other.services.some((s) => s.name === name2 && s.config.image !== void 0 && s.config.build === void 0));
      if (fromImages.length >= 2 && fromImages.length * 2 >= built.length) {
        d.role = {
          role: "development",
          reason: `builds from source the services that ${other.name} runs from published images (${fromImages.slice(0, 4).join(", ")}${fromImages.length > 4 ? ", ..." : ""}): a local build`,
          rule: "evidence:local-build"
        };
        break;
      }
    }
  }
}
var BASE_NAME = /^(docker-)?compose\.ya?ml$/;
var OVERRIDE_NAME = /^(docker-)?compose\.override\.ya?ml$/;
function isFragment(service) {
  return service.config.image === void 0 && service.config.build === void 0 && service.config.extends === void 0;
}
function implicitPairs(files) {
  const byDir = /* @__PURE__ */ new Map();
  for (const { path } of files.files) {
    const name2 = posix3.basename(path);
    const dir = posix3.dirname(path);
    const entry = byDir.get(dir) ?? {};
    if (BASE_NAME.test(name2) && (!entry.base || name2.startsWith("compose"))) entry.base = path;
    if (OVERRIDE_NAME.test(name2) && (!entry.override || name2.startsWith("compose"))) entry.override = path;
    byDir.set(dir, entry);
  }
  const out = [];
  for (const { base, override } of byDir.values()) {
    if (base && override) out.push({ files: [base, override], how: `${posix3.basename(override)} merged automatically by \`docker compose up\`` });
  }
  return out;
}
var CHAIN_SOURCES = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[^/]+\.(sh|bash|zsh|ps1)|package\.json|Procfile[\w.-]*|README[\w.-]*|[^/]+\.(md|mdx|rst))$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.env$/;
var MAX_DOC_FILES = 300;
var COMPOSE_COMMAND = /\b(docker[- ]compose|podman[- ]compose)(?![.\w-])/gi;
var FILE_OPTION = /(?:^|\s)(?:-f|--file)(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
var ENV_FILE_OPTION = /(?:^|\s)--env-file(?:\s+|=)(["']?)([^\s"'`;|&()<>]+)\1/g;
var ENV_FILES_VARIABLE = /(?:^|\s)(?:export\s+)?COMPOSE_ENV_FILES=(["']?)([^\s"'`;|&()<>]+)\1/;
async function namedChains(files, notes) {
  const sources = files.files.map((f) => f.path).filter((p) => CHAIN_SOURCES.test(p));
  const docs = sources.filter((p) => /\.(md|mdx|rst)$/i.test(p) || /README/i.test(p)).slice(0, MAX_DOC_FILES);
  const scanned = [...sources.filter((p) => !docs.includes(p) && !/\.(md|mdx|rst)$/i.test(p)), ...docs];
  const perFile = await mapLimited(scanned, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text) return [];
    if (posix3.basename(path) === ".env") return composeFileVariable(path, text, files, notes);
    return text.includes("compose") ? chainsIn(path, text, files, notes) : [];
  });
  return perFile.flat();
}
function composeFileVariable(path, text, files, notes) {
  if (!text.includes("COMPOSE_FILE")) return [];
  const env = parseDotenv(text);
  const entry = env.get("COMPOSE_FILE");
  if (!entry || !entry.value.trim()) return [];
  const separator = env.get("COMPOSE_PATH_SEPARATOR")?.value || ":";
  const dir = posix3.dirname(path);
  const named = entry.value.split(separator).map((s) => s.trim()).filter(Boolean);
  const resolved = [];
  for (const name2 of named) {
    const p = posix3.normalize(posix3.join(dir, name2));
    if (!files.has(p)) {
      pushNote(notes, { status: "skip", path, line: entry.line, message: `COMPOSE_FILE in ${path} names ${name2}, which is not in the repository: that deployment is not judged.` });
      return [];
    }
    resolved.push(p);
  }
  return [{ files: resolved, how: `COMPOSE_FILE in ${path}:${entry.line}` }];
}
function chainsIn(path, text, files, notes) {
  const out = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const lineNo = i + 1;
    if (!/compose/i.test(line)) continue;
    for (let n = 0; n < 20 && /\\\s*$/.test(line) && i + 1 < lines.length; n++) line = `${line.replace(/\\\s*$/, " ")}${lines[++i]}`;
    if (line.length > 4e3) line = line.slice(0, 4e3);
    COMPOSE_COMMAND.lastIndex = 0;
    let command;
    while ((command = COMPOSE_COMMAND.exec(line)) !== null) {
      const rest = line.slice(command.index + command[0].length);
      const end = rest.search(/&&|\|\||;|\||\$\(|`|"\s*,/);
      const args = end < 0 ? rest : rest.slice(0, end);
      const named = [];
      FILE_OPTION.lastIndex = 0;
      let option;
      while ((option = FILE_OPTION.exec(args)) !== null) named.push(option[2]);
      if (named.length === 0) continue;
      const envNamed = [];
      ENV_FILE_OPTION.lastIndex = 0;
      while ((option = ENV_FILE_OPTION.exec(args)) !== null) envNamed.push(option[2]);
      if (!envNamed.length) {
        const variable = ENV_FILES_VARIABLE.exec(line.slice(0, command.index));
        if (variable) envNamed.push(...variable[2].split(",").map((s) => s.trim()).filter(Boolean));
      }
      const resolved = [];
      let usable = true;
      for (const name2 of named) {
        const found = resolveNamed(name2, path, files);
        if (found === "not a file") continue;
        if (found === "unknown") usable = false;
        else if (found === "missing") {
          usable = false;
          pushNote(notes, { status: "skip", path, line: lineNo, message: `${path}:${lineNo} runs compose with -f ${name2}, which is not in the repository: that deployment is not judged.` });
        } else resolved.push(found);
      }
      if (!usable || resolved.length === 0) continue;
      const envFiles = [];
      for (const name2 of envNamed) {
        const found = resolveNamed(name2, path, files, true);
        if (found === "unknown" || found === "not a file") continue;
        if (found === "missing") {
          pushNote(notes, { status: "skip", path, line: lineNo, message: `${path}:${lineNo} runs compose with --env-file ${name2}, which is not in the repository: its variables are judged by their written defaults.` });
        } else envFiles.push(found);
      }
      const how = `-f chain in ${path}:${lineNo}${envFiles.length ? ` with --env-file ${envFiles.join(", ")}` : ""}`;
      out.push({ files: resolved, how, ...envNamed.length ? { envFiles } : {} });
    }
  }
  return out;
}
function resolveNamed(name2, from, files, anyName = false) {
  if (/[$%{}*]/.test(name2) || name2 === "-") return "unknown";
  if (!anyName && !/\.ya?ml$/i.test(name2)) return "not a file";
  const clean2 = name2.replace(/^\.\//, "");
  for (const candidate of [posix3.join(posix3.dirname(from), clean2), clean2]) {
    const p = posix3.normalize(candidate);
    if (!p.startsWith("..") && files.has(p)) return p;
  }
  const suffix = `/${posix3.normalize(clean2).replace(/^(\.\.\/)+/, "")}`;
  const matches = files.files.filter((f) => `/${f.path}`.endsWith(suffix));
  if (matches.length === 1) return matches[0].path;
  return matches.length > 1 ? "unknown" : "missing";
}
function roleOfChain(paths, roles) {
  for (let i = paths.length - 1; i >= 0; i--) {
    const info = roles.of(paths[i]);
    if (info.role !== "unknown") return paths.length === 1 ? info : { role: info.role, reason: `deployment ${paths.join(" + ")} takes the role of ${paths[i]}: ${info.reason}`, ...info.rule ? { rule: info.rule } : {} };
  }
  return UNKNOWN_ROLE;
}
async function makeDeployment(paths, chain, files, load, role) {
  const name2 = `${paths.join(" + ")}${chain.envFiles?.length ? ` (--env-file ${chain.envFiles.join(", ")})` : ""}`;
  const layers = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const file = await load(path);
    for (const service of file?.services ?? []) layers.set(service.name, [...layers.get(service.name) ?? [], service]);
  }
  const services = [...layers.values()].map((l) => mergeLayers(l, name2));
  const defaultEnv = posix3.join(posix3.dirname(paths[0]), ".env").replace(/^\.\//, "");
  const envPaths = [];
  const envs = [];
  for (const path of chain.envFiles ?? [defaultEnv]) {
    const text = files.has(path) ? await files.read(path) : void 0;
    if (text === void 0) continue;
    envPaths.push(path);
    envs.push(parseDotenv(text));
  }
  const lookup = (variable) => {
    for (let i = envs.length - 1; i >= 0; i--) {
      const entry = envs[i].get(variable);
      if (entry) return entry.value;
    }
    return void 0;
  };
  const envFiles = [];
  for (const service of services) {
    for (const ref of envFileRefs(service.config.env_file)) {
      const at = service.locate(["env_file"]);
      const path = posix3.normalize(posix3.join(posix3.dirname(at.path), ref));
      if (!path.startsWith("..") && (files.has(path) || files.notRead((p) => p === path).length > 0)) envFiles.push({ path, service: service.name, declaredIn: at.path, line: at.line });
    }
  }
  return {
    name: name2,
    files: paths,
    how: chain.how,
    role,
    services,
    envFiles,
    envPaths,
    interpolate: (text, options) => interpolate(text, lookup, options)
  };
}
function envFileRefs(value) {
  const items = Array.isArray(value) ? value : value === void 0 || value === null ? [] : [value];
  return items.map((item) => typeof item === "string" ? item : isPlainObject(item) && typeof item.path === "string" ? item.path : void 0).filter((p) => p !== void 0 && !p.includes("$"));
}
function pushNote(notes, note) {
  if (!notes.some((n) => n.path === note.path && n.line === note.line && n.message === note.message)) notes.push(note);
}
var DEPLOYMENTS_DOC = [
  "### Compose deployments",
  "",
  "Compose checks judge each *deployment* (the compose files that run together, merged as `docker compose config` merges them), not each file:",
  "",
  "- **Which files run together**: `-f a.yml -f b.yml` (or `--file`) chains written in Makefiles, `*.mk`, justfiles, Taskfiles, shell scripts, `package.json`, CI workflows and READMEs/docs (a line scan; chains with variables are ignored); `COMPOSE_FILE` in a committed `.env`; the implicit `compose.yaml` + `compose.override.yaml` pair; `include:` (included files belong to the including deployment). Any other compose file is a deployment on its own; one whose services name an `image` or a `build` is standalone even if it shares service names with the file beside it, and one made only of fragments (no `image`/`build`) is taken as an overlay of its directory's `compose.yaml`/`docker-compose.yml`.",
  "- **Merge**: mappings merged key by key, `environment` and `labels` by variable, `ports`, `volumes`, `env_file`... appended, other values replaced by the later file; every key keeps the file and line that wrote it, so a finding points at that line (or at the service in the first file when no file sets the key).",
  "- **Role**: the role of the last file of the chain whose role a rule or its content decided (`-f compose.yml -f compose.prod.yml` is production, `compose.yml` + `compose.override.yml` development, `-f compose.yml -f compose.ci.yml` test); unknown when no file says anything (its findings at most P1). The base of a production chain is judged only with its overlay; a base whose chains are all development or test is also judged on its own. A line shared by several deployments is reported once, under the highest role.",
  "- **Compose files written in docs**: a docs page (`.md`, `.mdx`) whose section says production (install, self-host, deploy, quick start...) and that tells the reader to create or save a compose file, then gives it in a `yaml` code block of `services:`, writes out the deployment its users run: that block is judged in place, as a production deployment, findings pointing at the page's lines (`evidence:written-compose`). One block per page (the first); a snippet to *add* to the repository's file is not one; a block that does not parse is a note. No committed `.env` interpolates it (it runs in the reader's folder).",
  "- **Interpolation**: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR:+alt}`, `$VAR` and `$$` are resolved against the committed `.env` of the project directory (the first file's) or, when the command that names the chain passes `--env-file` (or sets `COMPOSE_ENV_FILES=`), against those env files instead, a later one winning, as Compose does (one that is not in the repository is a note, and the written defaults are judged); a variable it does not set takes its written default (`${TAG:-latest}` is judged as `latest`), and one with no default is left to whoever deploys (never judged as a secret or a tag). `env_file:` files of a production deployment are judged as production env.",
  "- **Bad input**: a compose file that is not YAML, or an `include:` of a missing file, is an `error` at its line; a remote `include`, a cyclic or missing `extends`, and a chain naming a missing file are notes at their line; nothing stops the audit."
].join("\n");

// src/parse/elixir-config.ts
var SyntaxProblem = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
};
var OPS = ["===", "!==", "...", "<<<", ">>>", "<<", ">>", "==", "!=", "||", "&&", "|>", "<>", "++", "--", "->", "=>", "<=", ">=", "=~", "::", "..", "\\\\", "<-", "%{"];
var MAX_TOKENS = 3e5;
var MAX_DEPTH2 = 200;
var ATOM = /:[A-Za-z_][\w@]*[?!]?/y;
var NUMBER = /\d[\d_]*(\.\d+)?(e[+-]?\d+)?/iy;
var WORD = /[A-Za-z_]\w*[?!]?/y;
var CLOSERS = { "(": ")", "[": "]", "{": "}", "<": ">", "/": "/", "|": "|", '"': '"', "'": "'" };
function tokenize(text) {
  const tokens = [];
  let line = 1;
  let i = 0;
  let nl = true;
  let space2 = true;
  const n = text.length;
  const push = (t2) => {
    tokens.push({ type: t2.type, text: t2.text, line: t2.line, nl, space: space2, interp: t2.interp === true });
    nl = false;
    space2 = false;
  };
  const at = (re) => {
    re.lastIndex = i;
    return re.exec(text)?.[0];
  };
  const readString = (quote, triple) => {
    let out = "";
    let interp = false;
    i += triple ? 3 : 1;
    const special = quote === '"' ? /["\\#\n]/g : /['\\#\n]/g;
    while (i < n) {
      special.lastIndex = i;
      const found = special.exec(text);
      if (!found) break;
      out += text.slice(i, found.index);
      i = found.index;
      if (triple ? text.startsWith(quote.repeat(3), i) : text[i] === quote) {
        i += triple ? 3 : 1;
        return { text: out, interp };
      }
      const c = text[i];
      if (c === "\n") line++;
      if (c === "\\" && i + 1 < n) {
        out += text[i + 1] === quote ? quote : c + text[i + 1];
        if (text[i + 1] === "\n") line++;
        i += 2;
        continue;
      }
      if (c === "#" && text[i + 1] === "{") {
        interp = true;
        let depth = 0;
        const start = i;
        i += 1;
        while (i < n) {
          if (text[i] === "{") depth++;
          else if (text[i] === "}" && --depth === 0) break;
          else if (text[i] === "\n") line++;
          i++;
        }
        out += text.slice(start, i + 1);
        i++;
        continue;
      }
      out += c;
      i++;
    }
    throw new SyntaxProblem("a string is not closed", line);
  };
  while (i < n) {
    if (tokens.length > MAX_TOKENS) throw new SyntaxProblem("file too large to read", line);
    const c = text[i];
    if (c === "\n") {
      line++;
      i++;
      nl = true;
      space2 = true;
      continue;
    }
    if (c === " " || c === "	" || c === "\r") {
      i++;
      space2 = true;
      continue;
    }
    if (c === "#") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    const start = line;
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const s = readString(c, triple);
      if (text[i] === ":" && /\s/.test(text[i + 1] ?? "")) {
        i++;
        push({ type: "kw", text: s.text, line: start });
      } else push({ type: "str", text: s.text, line: start, interp: s.interp });
      continue;
    }
    if (c === "~" && /[a-zA-Z]/.test(text[i + 1] ?? "")) {
      let j = i + 2;
      while (j < n && /[A-Z]/.test(text[j])) j++;
      const open = text[j] ?? "";
      const close = CLOSERS[open];
      if (!close) throw new SyntaxProblem("a sigil has no delimiter", line);
      const triple = (open === '"' || open === "'") && text.startsWith(open.repeat(3), j);
      i = j;
      if (triple) readString(open, true);
      else {
        i++;
        let depth = 1;
        while (i < n && depth > 0) {
          if (text[i] === "\\") i++;
          else if (text[i] === close && close !== open ? --depth === 0 : text[i] === close) depth = 0;
          else if (text[i] === open && close !== open) depth++;
          if (text[i] === "\n") line++;
          i++;
        }
        if (depth > 0) throw new SyntaxProblem("a sigil is not closed", start);
      }
      while (i < n && /[a-zA-Z]/.test(text[i])) i++;
      push({ type: "sigil", text: "~sigil", line: start });
      continue;
    }
    if (c === ":" && text[i + 1] === '"') {
      i++;
      const s = readString('"', false);
      push({ type: "atom", text: s.text, line: start });
      continue;
    }
    if (c === ":" && /[a-zA-Z_]/.test(text[i + 1] ?? "")) {
      const m = at(ATOM);
      push({ type: "atom", text: m.slice(1), line: start });
      i += m.length;
      continue;
    }
    const num = at(NUMBER);
    if (num) {
      push({ type: "num", text: num, line: start });
      i += num.length;
      continue;
    }
    if (c === "?" && i + 1 < n) {
      push({ type: "num", text: "0", line: start });
      i += text[i + 1] === "\\" ? 3 : 2;
      continue;
    }
    const w = at(WORD);
    if (w) {
      i += w.length;
      if (text[i] === ":" && text[i + 1] !== ":" && /[\s]/.test(text[i + 1] ?? " ")) {
        i++;
        push({ type: "kw", text: w, line: start });
      } else push({ type: /^[A-Z]/.test(w) ? "alias" : "ident", text: w, line: start });
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i)) ?? c;
    push({ type: "op", text: op, line: start });
    i += op.length;
  }
  tokens.push({ type: "eof", text: "", line, nl: true, space: true });
  return tokens;
}
var BINARY = {
  "\\\\": 1,
  "<-": 1,
  when: 2,
  "::": 3,
  "|": 4,
  "=>": 5,
  "=": 6,
  "||": 7,
  or: 7,
  "&&": 8,
  and: 8,
  "==": 9,
  "!=": 9,
  "===": 9,
  "!==": 9,
  "=~": 9,
  "<": 10,
  ">": 10,
  "<=": 10,
  ">=": 10,
  "|>": 11,
  "<<<": 11,
  ">>>": 11,
  "<>": 12,
  "++": 12,
  "--": 12,
  "..": 12,
  in: 13,
  "+": 14,
  "-": 14,
  "*": 15,
  "/": 15
};
var BLOCK_WORDS = /* @__PURE__ */ new Set(["if", "unless", "case", "cond", "with", "for", "try", "receive", "quote", "defmodule", "def", "defp"]);
var Parser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  at = 0;
  /** While reading an `if` test: its `do` opens the statement's block, not a call's. */
  inTest = false;
  depth = 0;
  peek(offset = 0) {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
  }
  next() {
    const t2 = this.peek();
    if (t2.type !== "eof") this.at++;
    return t2;
  }
  is(text, offset = 0) {
    const t2 = this.peek(offset);
    return (t2.type === "op" || t2.type === "ident") && t2.text === text;
  }
  expect(text) {
    const t2 = this.next();
    if (t2.text !== text || t2.type !== "op" && t2.type !== "ident") throw new SyntaxProblem(`expected "${text}", found "${t2.text || "the end of the file"}"`, t2.line);
    return t2;
  }
  statements(insideBlock) {
    if (this.depth > MAX_DEPTH2) throw new SyntaxProblem("nested too deeply to read", this.peek().line);
    const out = [];
    for (; ; ) {
      const t2 = this.peek();
      if (t2.type === "eof") {
        if (insideBlock) throw new SyntaxProblem('a do-block is not closed by "end"', t2.line);
        return out;
      }
      if (insideBlock && t2.type === "ident" && (t2.text === "end" || t2.text === "else")) return out;
      if (t2.type === "op" && t2.text === ";") {
        this.next();
        continue;
      }
      const s = this.statement();
      if (s) out.push(s);
    }
  }
  statement() {
    const t2 = this.peek();
    if (t2.type === "ident" && (t2.text === "if" || t2.text === "unless") && !this.peek(1).nl) {
      const start = this.at;
      this.next();
      const test = this.doTest();
      if (test) {
        this.depth++;
        try {
          const then = this.statements(true);
          let otherwise = [];
          if (this.is("else")) {
            this.next();
            otherwise = this.statements(true);
          }
          this.expect("end");
          return { kind: "if", test, negate: t2.text === "unless", then, otherwise, line: t2.line };
        } finally {
          this.depth--;
        }
      }
      this.at = start;
    }
    if (t2.type === "ident" && (t2.text === "config" || t2.text === "import_config") && !this.isOperatorAfter(1)) {
      this.next();
      const args = this.callArgs(t2.line);
      if (t2.text === "import_config") return args[0] ? { kind: "import", path: args[0], line: t2.line } : void 0;
      return { kind: "config", args, line: t2.line };
    }
    if (t2.type === "ident" && this.is("=", 1) && !BLOCK_WORDS.has(t2.text)) {
      this.next();
      this.next();
      return { kind: "assign", name: t2.text, value: this.expression(0), line: t2.line };
    }
    this.expression(0);
    return void 0;
  }
  /** Whether the token at `offset` is followed by a binary operator (then `config` is a variable, not the call). */
  isOperatorAfter(offset) {
    const t2 = this.peek(offset);
    return t2.type === "op" && t2.text in BINARY && t2.text !== "-";
  }
  expression(minPrec) {
    if (++this.depth > MAX_DEPTH2) throw new SyntaxProblem("nested too deeply to read", this.peek().line);
    try {
      return this.binary(minPrec);
    } finally {
      this.depth--;
    }
  }
  binary(minPrec) {
    let left = this.unary();
    for (; ; ) {
      const t2 = this.peek();
      const op = t2.type === "op" || t2.type === "ident" && ["or", "and", "in", "when"].includes(t2.text) ? t2.text : void 0;
      const notIn = t2.type === "ident" && t2.text === "not" && this.peek(1).type === "ident" && this.peek(1).text === "in";
      const prec = notIn ? BINARY.in : op !== void 0 ? BINARY[op] : void 0;
      if (prec === void 0 || prec < minPrec || t2.nl && op !== "|>") return left;
      this.next();
      if (notIn) this.next();
      const right = this.expression(prec + (op === "=" || op === "||" || op === "&&" || op === "++" || op === "<>" ? 0 : 1));
      left = { kind: "op", op: notIn ? "not in" : op, left, right, line: t2.line };
    }
  }
  unary() {
    const t2 = this.peek();
    if (t2.type === "ident" && t2.text === "not" || t2.type === "op" && t2.text === "!") {
      this.next();
      return { kind: "not", operand: this.expression(BINARY.in + 2), line: t2.line };
    }
    if (t2.type === "op" && (t2.text === "-" || t2.text === "+" || t2.text === "&" || t2.text === "@" || t2.text === "^")) {
      this.next();
      const operand = this.expression(BINARY["*"] + 1);
      if (t2.text === "-" && operand.kind === "lit" && typeof operand.value === "number") return { ...operand, value: -operand.value };
      return { kind: "computed", text: t2.text, line: t2.line };
    }
    return this.postfix(this.primary());
  }
  /** `x.y`, `x.y(args)`, `x[key]`, `x.(args)`: computed, consumed. */
  postfix(ast) {
    for (; ; ) {
      const t2 = this.peek();
      if (t2.type === "op" && t2.text === "." && !t2.nl) {
        this.next();
        const member = this.next();
        if (member.type === "op" && member.text === "(") {
          this.at--;
          this.callArgs(member.line);
        } else if (this.is("(") && !this.peek().space) this.callArgs(member.line);
        ast = { kind: "computed", text: "member", line: t2.line };
        continue;
      }
      if (t2.type === "op" && t2.text === "[" && !t2.space && !t2.nl) {
        this.next();
        this.list("]", t2.line);
        ast = { kind: "computed", text: "access", line: t2.line };
        continue;
      }
      return ast;
    }
  }
  primary() {
    const t2 = this.next();
    switch (t2.type) {
      case "str":
        return t2.interp ? { kind: "template", raw: t2.text, line: t2.line } : { kind: "lit", value: t2.text, line: t2.line };
      case "num":
        return { kind: "lit", value: Number(t2.text.replace(/_/g, "")), line: t2.line };
      case "atom":
        return { kind: "lit", value: t2.text, atom: true, line: t2.line };
      case "sigil":
        return { kind: "computed", text: "sigil", line: t2.line };
      case "kw": {
        this.at--;
        return this.keywords(t2.line, void 0);
      }
      case "alias":
        return this.aliasOrCall(t2);
      case "ident":
        return this.identifier(t2);
      case "op":
        if (t2.text === "[") return this.list("]", t2.line);
        if (t2.text === "{") {
          this.list("}", t2.line);
          return { kind: "computed", text: "tuple", line: t2.line };
        }
        if (t2.text === "%{" || t2.text === "%") {
          if (t2.text === "%") {
            while (this.peek().type === "alias" || this.is(".")) this.next();
            this.expect("{");
          }
          this.list("}", t2.line);
          return { kind: "computed", text: "map", line: t2.line };
        }
        if (t2.text === "<<") {
          this.list(">>", t2.line);
          return { kind: "computed", text: "binary", line: t2.line };
        }
        if (t2.text === "(") {
          if (this.is(")")) {
            this.next();
            return { kind: "lit", value: null, line: t2.line };
          }
          let inner = this.expression(0);
          for (; ; ) {
            if (this.is(";")) {
              this.next();
              if (this.is(")")) break;
              inner = this.expression(0);
            } else if (!this.is(")") && this.peek().nl && this.peek().type !== "eof") {
              inner = this.expression(0);
            } else break;
          }
          this.expect(")");
          return inner;
        }
        throw new SyntaxProblem(`unexpected "${t2.text}"`, t2.line);
      case "eof":
        throw new SyntaxProblem("unexpected end of file", t2.line);
    }
  }
  aliasOrCall(first) {
    const parts = [first.text];
    while (this.is(".") && !this.peek().nl && this.peek(1).type === "alias") {
      this.next();
      parts.push(this.next().text);
    }
    if (this.is(".") && !this.peek().nl && this.peek(1).type === "ident") {
      this.next();
      const fn = this.next();
      const name2 = `${parts.join(".")}.${fn.text}`;
      const args = this.is("(") && !this.peek().space ? this.callArgs(fn.line) : this.startsArgument() ? this.callArgs(fn.line) : [];
      this.doBlock();
      return { kind: "call", name: name2, args, line: first.line };
    }
    return { kind: "lit", value: parts.join("."), alias: true, line: first.line };
  }
  identifier(t2) {
    if (t2.text === "true" || t2.text === "false") return { kind: "lit", value: t2.text === "true", line: t2.line };
    if (t2.text === "nil") return { kind: "lit", value: null, line: t2.line };
    if (t2.text === "fn") {
      this.skipTo("end", t2.line);
      return { kind: "computed", text: "fn", line: t2.line };
    }
    if (t2.text === "raise" || t2.text === "throw" || t2.text === "exit") {
      if (this.startsArgument() || this.is("(")) this.callArgs(t2.line);
      return { kind: "raise", line: t2.line };
    }
    if ((t2.text === "if" || t2.text === "unless") && !this.peek().nl && !(this.is("(") && !this.peek().space)) {
      const cond = this.condExpression(t2);
      if (cond) return cond;
    }
    if (BLOCK_WORDS.has(t2.text)) {
      if (this.startsArgument() || this.is("(") || (t2.text === "if" || t2.text === "unless") && !this.peek().nl) this.callArgs(t2.line);
      this.doBlock();
      return { kind: "computed", text: t2.text, line: t2.line };
    }
    if (this.is("(") && !this.peek().space) {
      const args = this.callArgs(t2.line);
      this.doBlock();
      return { kind: "call", name: t2.text, args, line: t2.line };
    }
    if (this.startsArgument()) {
      const args = this.callArgs(t2.line);
      this.doBlock();
      return { kind: "call", name: t2.text, args, line: t2.line };
    }
    if (this.doBlock()) return { kind: "computed", text: t2.text, line: t2.line };
    return { kind: "var", name: t2.text, line: t2.line };
  }
  /** The test of an `if`/`unless` and its `do` (consumed), or undefined for the keyword form `if x, do: y`. */
  doTest() {
    this.inTest = true;
    let test;
    try {
      test = this.expression(0);
    } finally {
      this.inTest = false;
    }
    if (!(this.is("do") && this.peek().type === "ident")) return void 0;
    this.next();
    return test;
  }
  /**
   * `if test do ... else ... end` as a value (`secret_key_base = if System.get_env("X") do ... end`): the test and
   * each branch's last expression. Undefined (nothing consumed) for the keyword form `if x, do: y`.
   */
  condExpression(t2) {
    const start = this.at;
    const test = this.doTest();
    if (!test) {
      this.at = start;
      return void 0;
    }
    this.depth++;
    try {
      const then = this.blockValue(t2.line);
      let otherwise = { kind: "lit", value: null, line: t2.line };
      if (this.is("else")) {
        this.next();
        otherwise = this.blockValue(t2.line);
      }
      this.expect("end");
      return { kind: "cond", test, negate: t2.text === "unless", then, otherwise, line: t2.line };
    } finally {
      this.depth--;
    }
  }
  /** The expressions of a do-block up to its `else` or `end`, worth the last one (nil when empty). */
  blockValue(line) {
    let value = { kind: "lit", value: null, line };
    for (; ; ) {
      const t2 = this.peek();
      if (t2.type === "eof") throw new SyntaxProblem('a do-block is not closed by "end"', line);
      if (t2.type === "ident" && (t2.text === "end" || t2.text === "else")) return value;
      if (t2.type === "op" && t2.text === ";") {
        this.next();
        continue;
      }
      value = this.expression(0);
    }
  }
  /** Whether the next token, on the same line and after a space, starts an argument of a call without parentheses. */
  startsArgument() {
    const t2 = this.peek();
    if (t2.nl || !t2.space) return false;
    if (["str", "num", "atom", "kw", "alias", "sigil"].includes(t2.type)) return true;
    if (t2.type === "ident") return !["do", "end", "else", "and", "or", "in", "when", "not"].includes(t2.text);
    return t2.type === "op" && ["[", "{", "%{", "%", "<<"].includes(t2.text);
  }
  /** A `do ... end` block after a call: skipped. */
  doBlock() {
    if (this.inTest || !(this.peek().type === "ident" && this.peek().text === "do")) return false;
    const t2 = this.next();
    this.skipTo("end", t2.line);
    return true;
  }
  /** Skips to the `end` matching an opener already consumed (`do` or `fn`). */
  skipTo(end, line) {
    let depth = 1;
    for (; ; ) {
      const t2 = this.next();
      if (t2.type === "eof") throw new SyntaxProblem('a block is not closed by "end"', line);
      if (t2.type === "ident" && (t2.text === "do" || t2.text === "fn")) depth++;
      else if (t2.type === "ident" && t2.text === end && --depth === 0) return;
    }
  }
  /** Arguments with or without parentheses; a trailing `key: value, ...` is one keyword list. */
  callArgs(line) {
    const parens = this.is("(") && !this.peek().space;
    if (parens) this.next();
    const args = [];
    if (parens && this.is(")")) {
      this.next();
      return args;
    }
    for (; ; ) {
      if (this.peek().type === "kw") {
        args.push(this.keywords(line, parens ? ")" : void 0));
      } else args.push(this.expression(0));
      if (this.is(",")) {
        this.next();
        continue;
      }
      break;
    }
    if (parens) this.expect(")");
    return args;
  }
  keywords(line, close) {
    const entries = [];
    for (; ; ) {
      const k = this.next();
      if (k.type !== "kw") throw new SyntaxProblem(`expected a keyword, found "${k.text}"`, k.line);
      entries.push({ key: k.text, value: this.expression(0), line: k.line });
      if (this.is(",") && this.peek(1).type === "kw") {
        this.next();
        continue;
      }
      if (close && this.is(",") && this.is(close, 1)) this.next();
      break;
    }
    return { kind: "kw", entries, line };
  }
  /** `[a, b]` or `[key: value]` up to `close` (already past the opener). */
  list(close, line) {
    const items = [];
    if (this.is(close)) {
      this.next();
      return { kind: "list", items, line };
    }
    if (this.peek().type === "kw") {
      const kw = this.keywords(line, close);
      if (this.is(",")) this.next();
      this.expect(close);
      return kw;
    }
    for (; ; ) {
      if (this.peek().type === "kw") {
        items.push(this.keywords(line, close));
        if (this.is(",")) this.next();
        break;
      }
      items.push(this.expression(0));
      if (this.is("|")) {
        this.next();
        this.expression(0);
      }
      if (!this.is(",")) break;
      this.next();
      if (this.is(close)) break;
    }
    this.expect(close);
    return { kind: "list", items, line };
  }
};
function parseElixirConfig(text) {
  try {
    return { statements: new Parser(tokenize(text)).statements(false) };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { statements: [], error: { line: e.line, message: e.message } };
    throw e;
  }
}

// src/model/frameworks/phoenix.ts
var ENV = "prod";
async function readPhoenixApps(files, parsed, roles) {
  const apps = [];
  for (const f of files.files) {
    if (!/(^|\/)config\/config\.exs$/.test(f.path) || !roles.isDeployed(f.path)) continue;
    const dir = f.path.slice(0, -"/config.exs".length);
    const root = dir.replace(/\/?config$/, "");
    const app = { root, files: [], configs: /* @__PURE__ */ new Map(), fallbacks: [], errors: [], notes: [], computed: [], replaced: /* @__PURE__ */ new Map(), otherEnvironments: [] };
    const load = (path) => parsed.memo("elixir-config", path, (text) => parseElixirConfig(text));
    const run = async (path, depth) => {
      const file = await load(path);
      if (!file) return;
      app.files.push(path);
      if (file.error) {
        app.errors.push({ path, ...file.error });
        return;
      }
      await runStatements(app, file.statements, path, /* @__PURE__ */ new Map(), false, async (target, line) => {
        const resolved = `${path.slice(0, path.lastIndexOf("/") + 1)}${target}`;
        if (depth > 4) return;
        if (!files.has(resolved)) {
          app.notes.push(`${path}:${line} imports ${resolved}, which is not in the repository (its settings, if any, are unknown)`);
          return;
        }
        await run(resolved, depth + 1);
      });
    };
    await run(f.path, 0);
    for (const runtime of [`${dir}/runtime.exs`, `${dir}/releases.exs`]) if (files.has(runtime)) await run(runtime, 0);
    app.otherEnvironments = files.files.map((x) => x.path).filter((p) => p.startsWith(`${dir}/`) && /^[^/]+\.exs$/.test(p.slice(dir.length + 1)) && !app.files.includes(p));
    apps.push(app);
  }
  return apps;
}
async function runStatements(app, statements, path, scope, conditional, importer) {
  for (const s of statements) {
    if (s.kind === "assign") scope.set(s.name, evaluate(s.value, scope, path));
    else if (s.kind === "import") {
      const target = importPath(s.path);
      if (target) await importer(target, s.line);
      else app.notes.push(`${path}:${s.line}: import_config with a computed path is not followed`);
    } else if (s.kind === "config") applyConfig(app, s, scope, path, conditional);
    else if (s.kind === "if") {
      const test = decide(s.test, scope);
      const value = test === void 0 ? void 0 : s.negate ? !test : test;
      if (value === true) await runStatements(app, s.then, path, new Map(scope), conditional, importer);
      else if (value === false) await runStatements(app, s.otherwise, path, new Map(scope), conditional, importer);
      else {
        await runStatements(app, s.then, path, new Map(scope), true, importer);
        await runStatements(app, s.otherwise, path, new Map(scope), true, importer);
      }
    }
  }
}
function importPath(ast) {
  if (ast.kind === "lit" && typeof ast.value === "string") return ast.value;
  if (ast.kind !== "template") return void 0;
  const name2 = ast.raw.replace(/#\{\s*(?:config_env\(\)|Mix\.env(?:\(\))?|config_env)\s*\}/g, ENV);
  return name2.includes("#{") ? void 0 : name2;
}
function applyConfig(app, s, scope, path, conditional) {
  const [first, second, third] = s.args;
  if (first?.kind !== "lit" || !first.atom) return;
  let key;
  let opts;
  if (second?.kind === "kw" && !third) {
    key = "";
    opts = second;
  } else if (second?.kind === "lit" && (second.atom || second.alias) && third) {
    key = String(second.value);
    opts = third;
  } else return;
  const id2 = `${first.value} ${key}`.trim();
  const value = evaluate(opts, scope, path);
  if (value.kind !== "kw") {
    if (opts.kind !== "lit") app.computed.push({ id: id2, path, line: s.line });
    const tail = literalTail(opts, scope, path);
    const target2 = app.configs.get(id2);
    if (tail && target2 && !conditional) for (const [k, e] of tail.entries) markReplaced(app, target2.get(k), e);
    return;
  }
  const target = app.configs.get(id2) ?? /* @__PURE__ */ new Map();
  app.configs.set(id2, target);
  for (const [k, e] of value.entries) {
    const entry = { ...e, value: located(e.value, e.path, e.line, conditional), conditional: e.conditional || conditional };
    mergeInto(app, target, k, entry);
    collectFallbacks(app, String(first.value), key, [k], entry.value);
  }
}
function located(value, path, line, conditional) {
  if (value.kind !== "kw") return value;
  return { kind: "kw", entries: new Map([...value.entries].map(([k, v]) => [k, { ...v, path: v.path || path, line: v.line || line, conditional: v.conditional || conditional }])) };
}
function mergeInto(app, target, key, entry) {
  const previous = target.get(key);
  if (previous?.value.kind === "kw" && entry.value.kind === "kw") {
    const merged = new Map(previous.value.entries);
    for (const [k, v] of entry.value.entries) mergeInto(app, merged, k, v);
    target.set(key, { ...entry, value: { kind: "kw", entries: merged } });
    return;
  }
  if (previous && !entry.conditional) for (const replaced of leaves(previous)) app.replaced.set(`${replaced.path}:${replaced.line}`, { path: entry.path, line: entry.line });
  target.set(key, entry);
}
function literalTail(ast, scope, path) {
  let at = ast;
  while (at.kind === "op" && at.op === "++") at = at.right;
  if (at === ast || at.kind !== "kw") return void 0;
  const value = evaluate(at, scope, path);
  return value.kind === "kw" ? value : void 0;
}
function markReplaced(app, previous, next) {
  if (!previous) return;
  if (previous.value.kind === "kw" && next.value.kind === "kw") {
    for (const [k, e] of next.value.entries) markReplaced(app, previous.value.entries.get(k), e);
    return;
  }
  for (const replaced of leaves(previous)) app.replaced.set(`${replaced.path}:${replaced.line}`, { path: next.path, line: next.line });
}
function leaves(entry) {
  return entry.value.kind === "kw" ? [...entry.value.entries.values()].flatMap(leaves) : [entry];
}
function collectFallbacks(app, appName, key, at, value) {
  if (value.kind === "env" && value.fallback) app.fallbacks.push({ app: appName, key, path: at, value });
  if (value.kind === "kw") for (const [k, e] of value.entries) collectFallbacks(app, appName, key, [...at, k], e.value);
  if (value.kind === "list") for (const item of value.items) collectFallbacks(app, appName, key, at, item);
}
function evaluate(ast, scope, path) {
  switch (ast.kind) {
    case "lit":
      return { kind: "lit", value: ast.value, ...ast.atom ? { atom: true } : {} };
    case "list":
      return { kind: "list", items: ast.items.map((i) => evaluate(i, scope, path)) };
    case "kw":
      return { kind: "kw", entries: new Map(ast.entries.map((e) => [e.key, { value: evaluate(e.value, scope, path), path, line: e.line, conditional: false }])) };
    case "var":
      return scope.get(ast.name) ?? { kind: "computed", text: ast.name };
    case "call":
      return envCall(ast, path) ?? { kind: "computed", text: `${ast.name}(...)` };
    case "op": {
      if (ast.op !== "||" && ast.op !== "or") return { kind: "computed", text: ast.op };
      const left = evaluate(ast.left, scope, path);
      if (left.kind === "lit") return left.value === null || left.value === false ? evaluate(ast.right, scope, path) : left;
      if (left.kind !== "env" || left.fallback && !(left.fallback.kind === "lit" && left.fallback.value === null)) return { kind: "computed", text: ast.op };
      if (ast.right.kind === "raise") return { ...left, required: true, fallback: void 0 };
      const right = evaluate(ast.right, scope, path);
      if (right.kind === "lit") return { ...left, fallback: right };
      if (right.kind === "env" && right.required) return { kind: "computed", text: `${left.name} || ${right.name}` };
      return { kind: "computed", text: ast.op };
    }
    case "cond":
      return evaluateCond(ast, scope, path);
    case "template":
      return { kind: "computed", text: "interpolated string" };
    default:
      return { kind: "computed", text: ast.kind };
  }
}
function evaluateCond(ast, scope, path) {
  const then = ast.negate ? ast.otherwise : ast.then;
  const otherwise = ast.negate ? ast.then : ast.otherwise;
  const test = ast.test.kind === "call" ? envCall(ast.test, path) : void 0;
  const same = then.kind === "call" ? envCall(then, path) : void 0;
  if (test?.kind === "env" && same?.kind === "env" && test.name === same.name && !test.fallback && !same.fallback) {
    return evaluate({ kind: "op", op: "||", left: then, right: otherwise, line: ast.line }, scope, path);
  }
  const decided = decide(ast.test, scope);
  if (decided !== void 0) return evaluate(decided !== ast.negate ? ast.then : ast.otherwise, scope, path);
  if (then.kind === "raise" && otherwise.kind !== "raise") return evaluate(otherwise, scope, path);
  if (otherwise.kind === "raise" && then.kind !== "raise") return evaluate(then, scope, path);
  return { kind: "computed", text: "if" };
}
function envCall(ast, path) {
  const name2 = ast.args[0];
  if (name2?.kind !== "lit" || typeof name2.value !== "string") return void 0;
  if (ast.name === "System.fetch_env!") return { kind: "env", name: name2.value, required: true, path, line: ast.line };
  if (ast.name !== "System.get_env") return void 0;
  const fallback = ast.args[1];
  if (!fallback) return { kind: "env", name: name2.value, path, line: ast.line };
  if (fallback.kind !== "lit") return { kind: "computed", text: `System.get_env("${name2.value}", ...)` };
  return { kind: "env", name: name2.value, fallback: { kind: "lit", value: fallback.value }, path, line: ast.line };
}
function decide(ast, scope) {
  const isEnvCall = (a) => a.kind === "call" && (a.name === "config_env" || a.name === "Mix.env");
  if (ast.kind === "not") {
    const inner = decide(ast.operand, scope);
    return inner === void 0 ? void 0 : !inner;
  }
  if (ast.kind === "lit") return !(ast.value === null || ast.value === false);
  if (ast.kind === "var") {
    const v = scope.get(ast.name);
    return v?.kind === "lit" ? !(v.value === null || v.value === false) : void 0;
  }
  if (ast.kind !== "op") return void 0;
  if (["and", "&&", "or", "||"].includes(ast.op)) {
    const l = decide(ast.left, scope);
    const r = decide(ast.right, scope);
    if (ast.op === "and" || ast.op === "&&") return l === false || r === false ? false : l === true && r === true ? true : void 0;
    return l === true || r === true ? true : l === false && r === false ? false : void 0;
  }
  const [call, other] = isEnvCall(ast.left) ? [ast.left, ast.right] : isEnvCall(ast.right) ? [ast.right, ast.left] : [void 0, void 0];
  if (!call || !other) return void 0;
  if (["==", "===", "!=", "!=="].includes(ast.op) && other.kind === "lit" && other.atom) {
    const equal = other.value === ENV;
    return ast.op.startsWith("!") ? !equal : equal;
  }
  if ((ast.op === "in" || ast.op === "not in") && other.kind === "list") {
    const found = other.items.some((i) => i.kind === "lit" && i.value === ENV);
    return ast.op === "in" ? found : !found;
  }
  return void 0;
}
function outsideProd(apps) {
  const out = /* @__PURE__ */ new Map();
  for (const app of apps) {
    for (const [at, by] of app.replaced) out.set(at, `prod replaces it (${by.path}:${by.line}), so this value is read only outside production`);
    for (const path of app.otherEnvironments) out.set(path, `MIX_ENV=prod does not load ${path} (prod reads ${app.files.join(", ")}), so this value is read only outside production`);
  }
  return out;
}
function entryAt(config, ...keys) {
  let entry;
  let map = config;
  for (const k of keys) {
    entry = map?.get(k);
    map = entry?.value.kind === "kw" ? entry.value.entries : void 0;
  }
  return entry;
}
function endpointsOf(app) {
  return [...app.configs].filter(([id2]) => /\s\S*Endpoint$/.test(id2));
}
var PHOENIX_SETTINGS_DOC = '- **Phoenix / Elixir** (`config/config.exs`). For MIX_ENV=prod: config.exs, the files it imports (`import_config "#{config_env()}.exs"` \u2192 prod.exs, in place), then `config/runtime.exs` (and `releases.exs`) with `config_env()` = :prod; each `config :app, Key, opts` deep-merges keyword lists, later calls winning. `if config_env() == :prod` (also `Mix.env()`, `!=`, `in [...]`, `unless`) is decided; other conditions make their settings conditional (not judged). Values: literals, keyword lists, variables assigned earlier, `System.get_env("X")` (nil when unset), `System.get_env("X", "d")` and `System.get_env("X") || "d"` (the fallback), `System.fetch_env!("X")` and `System.get_env("X") || raise ...` (required). Options built in code (`config :app, Endpoint, opts`) are computed: a check says so instead of failing. An import the repository lacks (`prod.secret.exs`) is named in the message as assumed empty.';

// src/model/frameworks/aspnet.ts
import { posix as posix4 } from "node:path";

// src/parse/jsonc.ts
var MAX_DEPTH3 = 64;
function parseJsoncLeaves(text) {
  const src = text.replace(/^\uFEFF/, "");
  let pos = 0;
  let line = 1;
  const leaves2 = [];
  class JsonError extends Error {
  }
  const fail = (message) => {
    throw new JsonError(message);
  };
  const skip = () => {
    for (; ; ) {
      const ch = src[pos];
      if (ch === "\n") {
        line++;
        pos++;
      } else if (ch === " " || ch === "	" || ch === "\r") pos++;
      else if (ch === "/" && src[pos + 1] === "/") {
        while (pos < src.length && src[pos] !== "\n") pos++;
      } else if (ch === "/" && src[pos + 1] === "*") {
        const end = src.indexOf("*/", pos + 2);
        if (end < 0) fail("unterminated comment");
        for (let i = pos; i < end; i++) if (src[i] === "\n") line++;
        pos = end + 2;
      } else return;
    }
  };
  const special = /["\\\n]/g;
  const string2 = () => {
    pos++;
    let out = "";
    for (; ; ) {
      special.lastIndex = pos;
      const stop = special.exec(src)?.index ?? src.length;
      out += src.slice(pos, stop);
      pos = stop;
      const ch = src[pos];
      if (ch === void 0 || ch === "\n") fail("unterminated string");
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === "\\") {
        const e = src[pos + 1];
        if (e === "u") {
          const hex = src.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        const map = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
        if (e === void 0 || !(e in map)) fail("bad escape");
        out += map[e];
        pos += 2;
        continue;
      }
      out += ch;
      pos++;
    }
  };
  const separator = (close) => {
    skip();
    if (src[pos] === ",") {
      pos++;
      skip();
    } else if (src[pos] !== close) fail(`expected ',' or '${close}'`);
  };
  const literal3 = /true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
  const value = (path, depth) => {
    if (depth > MAX_DEPTH3) fail("nested too deeply");
    skip();
    const at = line;
    const ch = src[pos];
    if (ch === "{") {
      pos++;
      skip();
      while (src[pos] !== "}") {
        if (src[pos] !== '"') fail("expected a property name");
        const key = string2();
        skip();
        if (src[pos] !== ":") fail("expected ':'");
        pos++;
        value(path ? `${path}:${key}` : key, depth + 1);
        separator("}");
      }
      pos++;
    } else if (ch === "[") {
      pos++;
      skip();
      let index = 0;
      while (src[pos] !== "]") {
        value(`${path}:${index++}`, depth + 1);
        separator("]");
      }
      pos++;
    } else if (ch === '"') leaves2.push({ key: path, value: string2(), line: at });
    else {
      literal3.lastIndex = pos;
      const m = literal3.exec(src);
      if (!m) fail(ch === void 0 ? "unexpected end of file" : `unexpected character '${ch}'`);
      const word = m[0];
      pos += word.length;
      leaves2.push({ key: path, value: word === "true" ? true : word === "false" ? false : word === "null" ? null : Number(word), line: at });
    }
  };
  try {
    value("", 0);
    skip();
    if (pos < src.length) fail("unexpected text after the end");
    return { ok: true, leaves: leaves2 };
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, line, message: err.message };
    throw err;
  }
}

// src/model/frameworks/aspnet.ts
var WEB_SDK = /<Project\s+Sdk\s*=\s*"Microsoft\.NET\.Sdk\.(Web|Razor|BlazorWebAssembly)"/;
async function aspnetModel(files, parsed, roles) {
  const csprojs = files.files.map((f) => f.path).filter((p) => p.endsWith(".csproj"));
  if (!csprojs.length) return { projects: [] };
  const env = await deploymentAssignments(files, roles, (name2) => /^[A-Za-z][A-Za-z0-9_]*$/.test(name2) && /[A-Z]|__/.test(name2));
  const projects = [];
  const owned = ownedSources(files, csprojs);
  for (const project of csprojs) {
    const text = await files.read(project) ?? "";
    if (!WEB_SDK.test(text) || /tests?\b/i.test(posix4.basename(project))) continue;
    projects.push(await readProject(files, parsed, project, csprojs, env, owned));
  }
  return { projects };
}
function appsettingsOutsideProduction(model, files) {
  const out = /* @__PURE__ */ new Map();
  for (const project of model.projects) {
    const prefix = project.dir ? `${project.dir}/` : "";
    for (const f of files.files) {
      if (!f.path.startsWith(prefix) || f.path.slice(prefix.length).includes("/")) continue;
      const other = /^appsettings\.([^.]+)\.json$/i.exec(f.path.slice(prefix.length))?.[1];
      if (other === void 0 || project.files.includes(f.path)) continue;
      out.set(f.path, `ASP.NET Core loads ${f.path.slice(prefix.length)} only in the ${other} environment, and production runs ${project.environment} (${project.environmentFrom})`);
    }
  }
  return out;
}
var dirOf = (path) => posix4.dirname(path) === "." ? "" : posix4.dirname(path);
var inDir2 = (path, dir) => dir === "" || path.startsWith(`${dir}/`);
async function readProject(files, parsed, project, csprojs, env, owned) {
  const dir = dirOf(project);
  const otherDirs = csprojs.map(dirOf).filter((d) => d !== "" && d !== dir && !inDir2(project, d));
  const ours = (a) => inDir2(a.path, dir) || !otherDirs.some((d) => inDir2(a.path, d));
  const near = (a) => Number(!inDir2(a.path, dir)) * 2 + Number(a.role !== "production");
  const production = env.filter((a) => mayRunInProduction(a) && ours(a)).sort((a, b) => near(a) - near(b));
  const envSetting = production.find((a) => /^(ASPNETCORE|DOTNET)_ENVIRONMENT$/.test(a.name) && !/\$/.test(a.value));
  const environment = envSetting?.value || "Production";
  const environmentFrom = envSetting ? `${envSetting.name}=${envSetting.value} in ${envSetting.path}:${envSetting.line}` : "Production: no production deployment file sets ASPNETCORE_ENVIRONMENT, and Production is ASP.NET Core's default";
  const paths = [`appsettings.json`, `appsettings.${environment}.json`].map((n) => dir ? `${dir}/${n}` : n).filter((p) => files.has(p));
  const unreadable = [];
  const effective = /* @__PURE__ */ new Map();
  for (const path of paths) {
    const result = await parsed.memo("jsonc", path, (t2) => parseJsoncLeaves(t2));
    if (!result) continue;
    if (!result.ok) {
      unreadable.push({ path, line: result.line, message: result.message });
      continue;
    }
    for (const leaf of result.leaves) effective.set(leaf.key.toLowerCase(), { ...leaf, path });
  }
  for (const a of production) {
    const key = a.name.replace(/__/g, ":").toLowerCase();
    const s = effective.get(key);
    if (s && !s.overriddenBy) effective.set(key, { ...s, overriddenBy: { name: a.name, path: a.path, line: a.line } });
  }
  const urls = production.find((a) => /^(ASPNETCORE_URLS|ASPNETCORE_HTTP_PORTS|ASPNETCORE_HTTPS_PORTS|DOTNET_URLS|URLS)$/.test(a.name));
  const certificate = production.find((a) => /^ASPNETCORE_Kestrel__Certificates__\w+__Path$/i.test(a.name));
  return {
    project,
    dir,
    environment,
    environmentFrom,
    environmentSetting: envSetting,
    files: paths,
    settings: [...effective.values()],
    get: (key) => effective.get(key.toLowerCase()),
    unreadable,
    sources: await sourcesOf(files, project, csprojs, owned),
    urls,
    certificate
  };
}
var GENERATED_CODE = /(^|\/)Migrations\/|\.(Designer|g|g\.i|generated)\.cs$/;
function ownedSources(files, csprojs) {
  const projectOfDir = new Map(csprojs.map((c) => [dirOf(c), c]));
  const owned = /* @__PURE__ */ new Map();
  for (const { path } of files.files) {
    if (!path.endsWith(".cs") || /(^|\/)(bin|obj)\//.test(path) || GENERATED_CODE.test(path)) continue;
    for (let dir = dirOf(path); ; dir = dirOf(dir)) {
      const owner = projectOfDir.get(dir);
      if (owner) {
        owned.set(owner, [...owned.get(owner) ?? [], path]);
        break;
      }
      if (dir === "") break;
    }
  }
  return owned;
}
async function sourcesOf(files, project, csprojs, owned) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [project];
  while (queue.length && seen.size < 50) {
    const p = queue.shift();
    if (seen.has(p)) continue;
    seen.add(p);
    const text = await files.read(p) ?? "";
    for (const m of text.matchAll(/<ProjectReference\s+Include\s*=\s*"([^"]+)"/g)) {
      const target = posix4.normalize(posix4.join(dirOf(p), m[1].replace(/\\/g, "/")));
      if (csprojs.includes(target)) queue.push(target);
    }
  }
  return [...seen].flatMap((p) => owned.get(p) ?? []);
}
var ASPNET_RESOLUTION_DOC = [
  'ASP.NET Core settings are judged as the default host would load them in production (Microsoft Learn, "Configuration in ASP.NET Core" and "Use multiple environments"):',
  "",
  '- **Which projects.** Every `.csproj` with `Sdk="Microsoft.NET.Sdk.Web"` (Razor and Blazor WebAssembly SDKs too) whose name does not say test; its code is the `.cs` files of its folder and of the projects it references (`<ProjectReference>`, transitively), outside `bin/` and `obj/`.',
  "- **Which environment.** `ASPNETCORE_ENVIRONMENT` (or `DOTNET_ENVIRONMENT`) as a production deployment file sets it (files of the project's own folder first, such as its Dockerfile, then files of no other project's folder; a file of unknown role after a production one), else `Production`, ASP.NET Core's own default; failing findings say which.",
  "- **Which values.** `appsettings.json`, then `appsettings.{Environment}.json`, read as the JSON configuration provider reads them (comments and trailing commas allowed, keys case-insensitive, arrays by index); then the environment variables of the deployment, which override a key (`Jwt__Key` \u2192 `Jwt:Key`). `appsettings.Development.json` and other environments' files are not loaded in production. A file that does not parse is an `error` for the checks that read settings.",
  '- **Which code runs in production.** A call is development-only when it sits, at any depth, in an `if` whose condition is only `IsDevelopment()`/`IsEnvironment("Development"|"QA"|...)` tests, in the `else` of an `if (!env.IsDevelopment())`, or in a `#if DEBUG` region; a condition with another alternative (`IsDevelopment() || selfHosted`) may hold in production.'
].join("\n");

// src/model/evidence.ts
var import_ignore = __toESM(require_ignore(), 1);
var import_picomatch2 = __toESM(require_picomatch(), 1);
import { posix as posix6 } from "node:path";

// src/parse/dockerfile.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
import { posix as posix5 } from "node:path";
var MAX_DOCKERFILE_BYTES = 64 * 1024;
function parseDockerfile(text) {
  if (text.length > MAX_DOCKERFILE_BYTES) {
    return { globalArgs: [], stages: [], problem: { line: 1, message: `skipped: ${text.length} characters, more than a Dockerfile holds (limit ${MAX_DOCKERFILE_BYTES})` } };
  }
  try {
    return readDockerfile(text);
  } catch (err) {
    return { globalArgs: [], stages: [], problem: { line: 1, message: `the parser failed: ${err instanceof Error ? err.message : String(err)}` } };
  }
}
var MAX_INCLUDE_DEPTH = 8;
var HAS_INCLUDE = /^[ \t]*INCLUDE[ \t]/im;
async function parseDockerfileWithIncludes(text, path, read) {
  if (!HAS_INCLUDE.test(text)) return parseDockerfile(text);
  const lines = [];
  const origin = [];
  const included = [];
  const inline = async (body, from, stack) => {
    const includes = /* @__PURE__ */ new Map();
    if (HAS_INCLUDE.test(body) && body.length <= MAX_DOCKERFILE_BYTES) {
      for (const ins of import_dockerfile_ast.DockerfileParser.parse(body).getInstructions()) {
        if (ins.getKeyword().toUpperCase() !== "INCLUDE") continue;
        const start = ins.getRange().start.line;
        if (ins.getRange().end.line !== start) return { line: start + 1, message: "an INCLUDE split over lines is not read" };
        includes.set(start, ins.getArguments()[0]?.getValue() ?? "");
      }
    }
    const own = body.split(/\r?\n/);
    for (let i = 0; i < own.length; i++) {
      const target = includes.get(i);
      if (target === void 0) {
        lines.push(own[i]);
        origin.push({ path: from, line: i + 1 });
        continue;
      }
      const candidates = [posix5.join(posix5.dirname(from), target), posix5.normalize(target)].filter((c) => !c.startsWith("..") && !posix5.isAbsolute(c));
      let found;
      for (const candidate of candidates) {
        const t2 = await read(candidate);
        if (t2 !== void 0) {
          found = { path: candidate, text: t2 };
          break;
        }
      }
      if (!found) return { line: i + 1, message: `INCLUDE ${target}: no such file beside ${from} or at the repository root` };
      if (stack.includes(found.path) || stack.length > MAX_INCLUDE_DEPTH) return { line: i + 1, message: `INCLUDE ${target} includes itself (${[...stack, found.path].join(" -> ")})` };
      included.push(found.path);
      const inner = await inline(found.text, found.path, [...stack, found.path]);
      if (inner) return { line: i + 1, message: `in ${found.path} line ${inner.line}: ${inner.message}` };
    }
    return void 0;
  };
  const problem = await inline(text, path, [path]);
  if (problem) return { globalArgs: [], stages: [], problem };
  const file = parseDockerfile(lines.join("\n"));
  const at = file.problem ? origin[file.problem.line - 1] : void 0;
  if (file.problem && at && at.path !== path) file.problem = { line: 1, message: `in ${at.path} line ${at.line}: ${file.problem.message}` };
  else if (file.problem && at) file.problem = { ...file.problem, line: at.line };
  return { ...file, origin, included };
}
function readDockerfile(text) {
  const ast = import_dockerfile_ast.DockerfileParser.parse(text);
  const globalArgs = [];
  const stages = [];
  let problem;
  const argDefaults = /* @__PURE__ */ new Map();
  for (const instruction of ast.getInstructions()) {
    const ins = toInstruction(instruction);
    if (ins.keyword === "FROM") {
      const image = ins.args[0] ?? "";
      const asIndex = ins.args.findIndex((a) => a.toLowerCase() === "as");
      const name2 = asIndex >= 0 ? ins.args[asIndex + 1]?.toLowerCase() : void 0;
      const resolvedImage = image.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g, (m, arg, fallback) => argDefaults.get(arg) ?? fallback ?? m);
      const parentStage = stages.findIndex((s) => s.name !== void 0 && s.name === resolvedImage.toLowerCase());
      stages.push({ name: name2, image, resolvedImage, parentStage: parentStage >= 0 ? parentStage : void 0, from: ins, instructions: [ins] });
    } else if (stages.length === 0) {
      if (ins.keyword === "ARG") {
        globalArgs.push(ins);
        for (const p of ins.properties) if (p.value !== void 0) argDefaults.set(p.name, p.value);
      } else if (!problem) {
        problem = { line: ins.line, message: `${ins.keyword} before the first FROM (only ARG may come first)` };
      }
    } else {
      stages[stages.length - 1].instructions.push(ins);
    }
  }
  if (!problem && stages.length === 0) problem = { line: 1, message: "no FROM instruction" };
  return { globalArgs, stages, ...problem ? { problem } : {} };
}
function toInstruction(instruction) {
  const range = instruction.getRange();
  const keyword2 = instruction.getKeyword().toUpperCase();
  const flags = {};
  const withFlags = instruction;
  if (typeof withFlags.getFlags === "function") {
    for (const flag of withFlags.getFlags()) flags[flag.getName().toLowerCase()] = flag.getValue();
  }
  const properties = [];
  const withProperties = instruction;
  if (typeof withProperties.getProperties === "function" && (keyword2 === "ENV" || keyword2 === "ARG" || keyword2 === "LABEL")) {
    for (const p of withProperties.getProperties()) properties.push({ name: p.getName(), value: p.getValue() ?? void 0, line: p.getNameRange().start.line + 1 });
  }
  return {
    keyword: keyword2,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    args: instruction.getArguments().map((a) => a.getValue()),
    flags,
    properties,
    text: instruction.getArgumentsContent() ?? ""
  };
}
function stageLineage(file, index) {
  const out = [];
  let current = index;
  const seen = /* @__PURE__ */ new Set();
  while (current !== void 0 && !seen.has(current)) {
    seen.add(current);
    const stage = file.stages[current];
    out.push(stage);
    current = stage.parentStage;
  }
  return out;
}
function stagesUsedByFinal(file) {
  const used = /* @__PURE__ */ new Set();
  const byName = /* @__PURE__ */ new Map();
  file.stages.forEach((stage, i) => stage.name && byName.set(stage.name.toLowerCase(), i));
  const pending = [file.stages.length - 1];
  while (pending.length) {
    const index = pending.pop();
    if (index < 0 || used.has(index) || !file.stages[index]) continue;
    used.add(index);
    const stage = file.stages[index];
    if (stage.parentStage !== void 0) pending.push(stage.parentStage);
    for (const instruction of stage.instructions) {
      const refs = [instruction.flags.from, ...[...instruction.text.matchAll(/--mount=[^\s]*?\bfrom=([\w.-]+)/g)].map((m) => m[1])];
      for (const ref of refs) {
        if (typeof ref !== "string") continue;
        const target = /^\d+$/.test(ref) ? Number(ref) : byName.get(ref.toLowerCase());
        if (target !== void 0) pending.push(target);
      }
    }
  }
  return used;
}
function stageReach(file) {
  const used = stagesUsedByFinal(file);
  const byName = /* @__PURE__ */ new Map();
  file.stages.forEach((stage, i) => stage.name && byName.set(stage.name.toLowerCase(), i));
  const reach = /* @__PURE__ */ new Map();
  for (let i = file.stages.length - 1; i >= 0 && !reach.has(i); i = file.stages[i].parentStage ?? -1) reach.set(i, "whole");
  for (const index of used) {
    for (const ins of file.stages[index].instructions) {
      const ref = ins.flags.from;
      if (ins.keyword !== "COPY" || typeof ref !== "string") continue;
      const target = /^\d+$/.test(ref) ? Number(ref) : byName.get(ref.toLowerCase());
      if (target === void 0 || !used.has(target) || reach.get(target) === "whole") continue;
      const paths = reach.get(target) ?? [];
      for (const source of copySources(ins.args)) {
        const glob = source.search(/[*?[{]/);
        paths.push(posix5.resolve("/", glob === -1 ? source : posix5.dirname(`${source.slice(0, glob)}x`)));
      }
      reach.set(target, paths);
    }
  }
  for (const index of used) if (!reach.has(index)) reach.set(index, []);
  return reach;
}
function copySources(args) {
  const clean2 = args.map((a) => a.replace(/^\[|\]$|^"|",?$|^'|',?$/g, "")).filter(Boolean);
  return clean2.slice(0, -1).filter((s) => !/^<</.test(s) && !/^[a-z]+:\/\//i.test(s) && !s.includes("$"));
}
function copyDestination(stage, ins, rel, sourceIsFile) {
  const args = ins.args.map((a) => a.replace(/^\[|\]$|^"|",?$|^'|',?$/g, "")).filter(Boolean);
  const dest = args[args.length - 1];
  if (!dest || dest.includes("$")) return void 0;
  let workdir = "/";
  for (const other of stage.instructions) {
    if (other === ins) break;
    if (other.keyword === "WORKDIR" && other.args[0] && !other.args[0].includes("$")) workdir = posix5.resolve(workdir, other.args[0]);
  }
  const base = posix5.resolve(workdir, dest);
  if (sourceIsFile) return dest.endsWith("/") || args.length > 2 ? posix5.join(base, posix5.basename(rel)) : base;
  return posix5.join(base, rel);
}
function splitImage(image) {
  const at = image.indexOf("@");
  const digest = at >= 0 ? image.slice(at + 1) : void 0;
  const rest = at >= 0 ? image.slice(0, at) : image;
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > slash) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1), ...digest ? { digest } : {} };
  return { repository: rest, ...digest ? { digest } : {} };
}
function unpinnedReason(image) {
  const { tag, digest } = splitImage(image);
  if (digest) return void 0;
  if (tag === void 0 || tag === "") return "no tag";
  if (tag.toLowerCase() === "latest") return "latest";
  return void 0;
}

// src/model/evidence.ts
var YIELDING_RULES = new Set(ROLE_RULES.filter((r) => r.yieldsToEvidence).map((r) => r.id));
function yieldsToEvidence(info) {
  if (info.rule === CONFIGURED_RULE) return false;
  if (info === UNKNOWN_ROLE || info.role === "unknown") return true;
  return info.rule !== void 0 && YIELDING_RULES.has(info.rule);
}
var VERB = {
  compose: "run by",
  kubectl: "applied by",
  helm: "installed by",
  download: "downloaded into place by",
  copy: "copied into place by",
  "written-compose": "written out by",
  "docker-run": "run by"
};
function invocationRoles(invocations, roles) {
  const direct = /* @__PURE__ */ new Map();
  const fallback = /* @__PURE__ */ new Map();
  for (const inv of invocations) {
    const where = `${inv.source}:${inv.line}`;
    if (inv.context === "unspecified" || inv.kind === "written-compose") continue;
    for (const target of inv.targets) {
      if (inv.context === "production") {
        const current = roles.of(target);
        if (!direct.has(target) && yieldsToEvidence(current) && (!inv.inherited || current.role === "unknown")) {
          direct.set(target, { role: "production", reason: `${VERB[inv.kind]} ${where} (${inv.contextWhy})`, rule: `evidence:${inv.kind}` });
        }
      } else if (!fallback.has(target) || inv.context === "development" && fallback.get(target).role === "test") {
        fallback.set(target, { role: inv.context, reason: `${VERB[inv.kind]} ${where} (${inv.contextWhy})`, rule: `evidence:${inv.kind}-${inv.context}` });
      }
    }
  }
  for (const path of direct.keys()) fallback.delete(path);
  return { direct, fallback };
}
var DEVELOPMENT_PURPOSE = /^[^\n]{0,80}?\b(development|dev|local|contributor'?s?)\s+(environment|setup|stack|only)\b|^[^\n]{0,80}?\bfor\s+(local\s+)?development\b/i;
async function describedForDevelopment(files, invocations) {
  const out = /* @__PURE__ */ new Set();
  const bySource = /* @__PURE__ */ new Map();
  for (const inv of invocations) {
    if (inv.context !== "development" || inv.kind === "written-compose" || !/\.(md|mdx|rst|txt|adoc)$/i.test(inv.source)) continue;
    for (const target of inv.targets) bySource.set(inv.source, (bySource.get(inv.source) ?? /* @__PURE__ */ new Set()).add(target));
  }
  for (const [source, targets] of bySource) {
    const text = await files.read(source) ?? "";
    const flat = text.slice(0, 5e5).replace(/\n(?!\n)/g, " ");
    for (const target of targets) {
      const name2 = posix6.basename(target);
      for (let at = flat.indexOf(name2); at >= 0; at = flat.indexOf(name2, at + name2.length)) {
        const after = flat.slice(at + name2.length, at + name2.length + 160).replace(/^[`'")\]]*(\([^)\s]*\))?/, "");
        const purpose = DEVELOPMENT_PURPOSE.exec(after);
        if (purpose && !/\.(ya?ml|json|env)\b/.test(after.slice(0, purpose[0].length))) {
          out.add(target);
          break;
        }
      }
    }
  }
  return out;
}
var INIT_DIR = /^\/docker-entrypoint-initdb\.d\/?$/;
function deploymentFileRoles(deployments, roles, files) {
  const out = /* @__PURE__ */ new Map();
  for (const d of deployments.list) {
    if (d.role.role !== "production") continue;
    for (const service of d.services) {
      for (const mount of bindMountsOf(service)) {
        if (mount.outsideRepository) continue;
        const declaredIn = service.locate(["volumes", mount.key]);
        const source = posix6.normalize(posix6.join(posix6.dirname(declaredIn.path), mount.source)).replace(/\/+$/, "");
        const mounted = files.has(source) ? [source] : INIT_DIR.test(mount.target) ? files.files.filter((f) => f.path.startsWith(`${source}/`)).map((f) => f.path) : [];
        for (const path of mounted) {
          if (!out.has(path) && roles.of(path).rule !== CONFIGURED_RULE) {
            out.set(path, { role: "production", reason: `mounted into service \`${service.name}\` of the production deployment ${d.name} (${declaredIn.path}:${declaredIn.line})`, rule: "evidence:mounted" });
          }
        }
      }
    }
    for (const e of d.envFiles) {
      if (!out.has(e.path) && yieldsToEvidence(roles.of(e.path))) {
        out.set(e.path, { role: "production", reason: `loaded by service \`${e.service}\` of the production deployment ${d.name} (${e.declaredIn}:${e.line})`, rule: "evidence:env-file" });
      }
    }
    for (const path of d.envPaths) {
      if (!out.has(path) && yieldsToEvidence(roles.of(path))) {
        out.set(path, { role: "production", reason: `interpolated into the production deployment ${d.name}`, rule: "evidence:compose-env" });
      }
    }
  }
  return out;
}
function isDescriptor(path) {
  return isComposeFile(path) || isDockerfile(path) || /(^|\/)(Chart\.ya?ml|values[\w.-]*\.ya?ml|\.dockerignore|[\w.-]+\.dockerignore)$/.test(path);
}
var GLOB = /[*?[\]{}]/;
async function imageContents(files, parsedFiles, productionDockerfiles2) {
  const out = /* @__PURE__ */ new Map();
  const parsed = await mapLimited(productionDockerfiles2, READ_CONCURRENCY, async (path) => {
    const file = await parsedFiles.dockerfile(path);
    return file ? { path, file } : void 0;
  });
  let all;
  const walked = /* @__PURE__ */ new Map();
  for (const item of parsed) {
    if (!item) continue;
    const reach = stageReach(item.file);
    const copies = [...reach].flatMap(([index, reached]) => {
      const stage = item.file.stages[index];
      return stage.instructions.filter((ins) => (ins.keyword === "COPY" || ins.keyword === "ADD") && !ins.flags.from).map((ins) => ({ stage, ins, reached }));
    });
    if (!copies.length) continue;
    const dockerDir = posix6.dirname(item.path);
    const sourcesOf2 = copies.map((c) => ({ ...c, sources: copySources(c.ins.args) }));
    const context = chooseContext(files, dockerDir, sourcesOf2.flatMap((c) => c.sources));
    const ignored = await dockerignoreOf(files, context, item.path);
    for (const { stage, ins, reached, sources } of sourcesOf2) {
      if (reached !== "whole" && !reached.length) continue;
      for (const source of sources) {
        const key = `${context}\0${ignored.key}\0${source}`;
        let matched = walked.get(key);
        if (!matched) {
          matched = filesUnder(all ??= everyPath(files), context, source).filter((p) => !ignored.test(p));
          walked.set(key, matched);
        }
        const root = posix6.normalize(posix6.join(context, source.replace(/^\/+/, ""))).replace(/\/+$/, "");
        for (const path of matched) {
          if (out.has(path) || isDescriptor(path)) continue;
          if (reached !== "whole" && !reachesFinal(stage, ins, path, root, source, reached)) continue;
          out.set(path, { role: "production", reason: `copied into the production image of ${item.path} (${ins.keyword} ${source} at line ${ins.line})`, rule: "evidence:copied-into-image" });
        }
      }
    }
  }
  return out;
}
function reachesFinal(stage, ins, path, root, source, copiedOut) {
  const isFile = !GLOB.test(source) && path === root;
  const rel = GLOB.test(source) ? posix6.basename(path) : root === "." ? path : path.slice(root.length + 1);
  const inStage = copyDestination(stage, ins, rel, isFile || GLOB.test(source));
  if (inStage === void 0) return true;
  return copiedOut.some((out) => out === "/" || inStage === out || inStage.startsWith(`${out}/`));
}
function chooseContext(files, dockerDir, sources) {
  if (dockerDir === ".") return ".";
  const exists = (context) => sources.filter((s) => {
    const p = posix6.normalize(posix6.join(context, s)).replace(/\/+$/, "");
    return p === "." || GLOB.test(s) || files.has(p) || files.files.some((f) => f.path.startsWith(`${p}/`));
  }).length;
  return exists(dockerDir) >= exists(".") ? dockerDir : ".";
}
async function dockerignoreOf(files, context, dockerfile) {
  const beside = `${dockerfile}.dockerignore`;
  const atRoot = context === "." ? ".dockerignore" : `${context}/.dockerignore`;
  const path = files.has(beside) ? beside : files.has(atRoot) ? atRoot : void 0;
  const text = path ? await files.read(path) : void 0;
  if (!path || !text) return { key: "", test: () => false };
  const matcher = (0, import_ignore.default)().add(text.split("\n").map((l) => l.replace(/^\//, "")));
  const prefix = context === "." ? "" : `${context}/`;
  return {
    key: path,
    test: (p) => {
      const rel = p.startsWith(prefix) ? p.slice(prefix.length) : p;
      try {
        return matcher.ignores(rel);
      } catch {
        return false;
      }
    }
  };
}
function everyPath(files) {
  return [...files.files.map((f) => f.path), ...files.notRead(() => true).filter((s) => s.unread === "oversized").map((s) => s.path)];
}
function filesUnder(all, context, source) {
  const base = posix6.normalize(posix6.join(context, source.replace(/^\/+/, ""))).replace(/\/+$/, "");
  if (base.startsWith("..")) return [];
  if (GLOB.test(source)) {
    const match = (0, import_picomatch2.default)(base === "." ? "**" : base, { dot: true });
    return all.filter((p) => match(p) || [...ancestors(p)].some((a) => match(a)));
  }
  if (base === ".") return [...all];
  if (all.includes(base)) return [base];
  return all.filter((p) => p.startsWith(`${base}/`));
}
function* ancestors(path) {
  for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1)) yield path.slice(0, slash);
}
var SOURCE_ROOTS = [
  { manifest: /(^|\/)Gemfile$/, roots: ["app", "config", "lib", "db", "bin", "config.ru"], why: "Ruby/Rails application source (Gemfile)" },
  { manifest: /(^|\/)composer\.json$/, roots: ["app", "src", "config", "routes", "database", "bootstrap", "resources", "public"], why: "PHP application source (composer.json)" },
  { manifest: /(^|\/)mix\.exs$/, roots: ["lib", "config", "priv"], why: "Elixir application source (mix.exs)" },
  { manifest: JVM_BUILD_FILE, roots: ["src/main"], why: "the main source set of a Maven/Gradle project" },
  { manifest: /(^|\/)go\.mod$/, roots: [""], why: "Go module source (go.mod)", only: /\.go$/ },
  { manifest: /(^|\/)Cargo\.toml$/, roots: ["src"], why: "Rust crate source (Cargo.toml)" },
  { manifest: /(^|\/)[^/]+\.csproj$/, roots: [""], why: ".NET project source (.csproj)", only: /\.(cs|fs|vb)$|(^|\/)appsettings[\w.-]*\.json$/ },
  { manifest: /(^|\/)package\.json$/, roots: ["src", "app", "lib", "server", "pages", "api", "config", "routes", "prisma"], why: "Node package source (package.json)" },
  { manifest: /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py)$/, roots: ["src"], why: "Python project source" }
];
var CODE_OR_CONFIG = /\.(py|[cm]?[jt]sx?|rb|erb|php|ex|exs|eex|heex|go|rs|java|kt|scala|groovy|cs|fs|vb|json|ya?ml|toml|ini|cfg|conf|properties|xml|sql|prisma|env)$|(^|\/)(config\.ru|Procfile|manage\.py)$/i;
async function applicationSource(files) {
  const prefixes = /* @__PURE__ */ new Map();
  const paths = everyPath(files);
  const add = (dir, root, why, only, tests) => {
    const prefix = posix6.normalize(posix6.join(dir, root)).replace(/^\.$/, "");
    if (!prefixes.has(prefix)) prefixes.set(prefix, { why, only, ...tests ? { tests } : {} });
  };
  const unpublished = await unpublishedModules(files, paths);
  for (const path of paths) {
    const dir = posix6.dirname(path);
    for (const rule of SOURCE_ROOTS) {
      if (!rule.manifest.test(path) || unpublished.has(path)) continue;
      if (/\.csproj$/.test(path) && /tests?\b/i.test(posix6.basename(path))) {
        add(dir, "", `a .NET test project (${path})`, void 0, true);
        continue;
      }
      for (const root of rule.roots) add(dir, root, `${rule.why} at ${path}`, rule.only);
    }
    if (/(^|\/)package\.json$/.test(path)) {
      for (const entry of await packageEntryFolders(files, path)) add(dir, entry, `a folder the entry points of ${path} name`);
    }
  }
  const pythonRoots = new Set(paths.filter((p) => /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py)$/.test(p)).map((p) => posix6.dirname(p)));
  for (const path of paths) {
    const m = /^(?:(.*)\/)?([^/]+)\/__init__\.py$/.exec(path);
    if (m && pythonRoots.has(m[1] ?? ".")) add(m[1] ?? ".", m[2], `a Python package beside ${m[1] ?? "the root"}'s project manifest`);
  }
  for (const root of pythonRoots) for (const name2 of ["manage.py", "wsgi.py", "asgi.py", "app.py", "main.py"]) add(root, name2, "a Python entry point beside the project manifest");
  const out = /* @__PURE__ */ new Map();
  for (const path of paths) {
    if (!CODE_OR_CONFIG.test(path) || isDescriptor(path)) continue;
    for (const prefix of [path, ...ancestors(path), ""]) {
      const root = prefixes.get(prefix);
      if (root?.tests) {
        out.set(path, { role: "test", reason: root.why, rule: "evidence:test-project" });
        break;
      }
      if (!root || root.only && !root.only.test(path)) continue;
      out.set(path, { role: "production", reason: `application source: ${root.why}`, rule: "evidence:application-source" });
      break;
    }
  }
  return out;
}
function testProjectDescriptors(files) {
  const projects = /* @__PURE__ */ new Map();
  for (const f of files.files) if (/\.csproj$/.test(f.path) && !projects.has(posix6.dirname(f.path))) projects.set(posix6.dirname(f.path), f.path);
  const out = /* @__PURE__ */ new Map();
  if (!projects.size) return out;
  for (const f of files.files) {
    if (!isDescriptor(f.path)) continue;
    const nearest = [...ancestors(f.path)].find((dir) => projects.has(dir));
    const manifest = nearest !== void 0 ? projects.get(nearest) : void 0;
    if (manifest && /tests?\b/i.test(posix6.basename(manifest))) out.set(f.path, { role: "test", reason: `a .NET test project (${manifest})`, rule: "evidence:test-project" });
  }
  return out;
}
async function unpublishedModules(files, paths) {
  const builds = paths.filter((p) => JVM_BUILD_FILE.test(p));
  if (builds.length < 3) return /* @__PURE__ */ new Set();
  const imaged = /* @__PURE__ */ new Set();
  for (const b of builds) {
    const text = (await files.read(b) ?? "").replace(/<pluginManagement>[\s\S]*?<\/pluginManagement>/g, "");
    if (!IMAGE_PLUGIN.test(text)) continue;
    if (posix6.dirname(b) === "." || /<modules>|\bsubprojects\s*\{|\ballprojects\s*\{/.test(text)) return /* @__PURE__ */ new Set();
    imaged.add(b);
  }
  if (!imaged.size) return /* @__PURE__ */ new Set();
  const out = /* @__PURE__ */ new Set();
  for (const b of builds) {
    const dir = posix6.dirname(b);
    if (imaged.has(b) || dir === ".") continue;
    const runnable = paths.some((p) => p.startsWith(`${dir}/src/main/resources/`) && /\/application(-[\w-]+)?\.(ya?ml|properties)$/.test(p));
    const ownImage = paths.some((p) => p.startsWith(`${dir}/`) && isDockerfile(p));
    if (runnable && !ownImage) out.add(b);
  }
  return out;
}
async function packageEntryFolders(files, path) {
  const text = await files.read(path);
  if (!text) return [];
  let pkg;
  try {
    pkg = JSON.parse(text);
  } catch {
    return [];
  }
  const entries = [];
  const collect = (value) => {
    if (typeof value === "string") entries.push(value);
    else if (value && typeof value === "object") for (const v of Object.values(value)) collect(v);
  };
  collect(pkg.main);
  collect(pkg.module);
  collect(pkg.bin);
  collect(pkg.exports);
  return [...new Set(entries.map((e) => e.replace(/^\.\//, "").split("/")[0]).filter((e) => e && e !== "." && !e.startsWith("..") && !/^(dist|build|out)$/.test(e)))];
}
function productionDockerfiles(files, roles) {
  return files.files.map((f) => f.path).filter((p) => isDockerfile(p) && roles.of(p).role === "production");
}

// src/model/builds.ts
import { posix as posix7 } from "node:path";
var BUILD_SOURCES = /^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)(\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|cloudbuild[\w.-]*\.ya?ml|bitbucket-pipelines\.yml|Jenkinsfile|\.drone\.ya?ml|\.woodpecker[\w./-]*\.ya?ml|skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|Makefile|GNUmakefile|[\w.-]+\.mk|[Jj]ustfile|Taskfile\.ya?ml|[\w.-]+\.(sh|bash|zsh|ps1)|package\.json|Earthfile|\.goreleaser\.ya?ml)$/;
var PUBLISHES = /uses:\s*[\w./-]*(build-push|push-image|publish-image|docker-publish)[\w./@-]*|\b(dockerhub|registry|ghcr|ecr|gcr|docker)[-_]?(token|password)\b|\bpush\s*:\s*(?!false\b)\S|\b(docker|podman|buildah)\s+push\b|--push\b|\bbuildx\s+bake\b|\bgoreleaser\b|\bdocker\/login-action\b|\b(docker|podman)\s+login\b|\bkubectl\s+(apply|set\s+image)\b|\bhelm\s+(upgrade|install)\b|\bgcloud\s+(run|app)\s+deploy\b|\bflyctl?\s+deploy\b|\bskaffold\s+(run|deploy|build)\b|\bcompose\b[^\n]*\s(up|push)\b/;
function publishingSections(path, text, publishingWorkflows = /* @__PURE__ */ new Set()) {
  const lines = text.split("\n");
  const header = /(^|\/)(Makefile|GNUmakefile|makefile|[\w.-]+\.mk|[Jj]ustfile)$/.test(path) ? /^[\w./%-]+\s*:(?!=)/ : /^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path) ? /^ {0,2}[\w.-]+:\s*$/ : void 0;
  if (!header) {
    const all = PUBLISHES.test(text);
    return () => all;
  }
  const sectionOf = [];
  const publishes = [false];
  let section = 0;
  let jobsFrom = -1;
  for (const line of lines) {
    if (header.test(line)) {
      section++;
      publishes.push(false);
      if (jobsFrom < 0 && /^jobs:\s*$/.test(line)) jobsFrom = section;
    }
    sectionOf.push(section);
    const head = line.slice(0, 2e3);
    const called = /^\s*uses:\s*["']?\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)/.exec(head)?.[1];
    if (PUBLISHES.test(head) || called !== void 0 && publishingWorkflows.has(called)) publishes[section] = true;
  }
  if (jobsFrom > 0 && publishes.slice(jobsFrom).some(Boolean)) for (let i = 0; i < jobsFrom; i++) publishes[i] = true;
  return (line) => publishes[sectionOf[line - 1] ?? 0] ?? false;
}
var CONTEXT_KEY = /^\s*-?\s*["']?(?:build[-_]?context|context|docker[-_]?context)["']?\s*[:=]\s*["']?([^\s"'#]+)/i;
var BUILD_COMMAND = /\b(?:docker|podman)\s+(?:buildx\s+)?build\b|\bbuildah\s+(?:bud|build)\b/;
var OPTION_WITH_VALUE = /^(-t|--tag|-f|--file|--build-arg|--platform|--target|--label|--cache-from|--cache-to|--secret|--ssh|--output|-o|--progress|--network|--iidfile|--metadata-file|--builder|--build-context|--add-host|--shm-size|--ulimit|--attest|--annotation|--allow)$/;
var HIDDEN_FILE_KEY = /^\s*-?\s*["']?(?:file|dockerfile|dockerfile[-_]path)["']?\s*:\s*["']?(?:\$\{\{|\$\{?[A-Za-z_])/i;
var HIDDEN_FILE_OPTION = /(?:^|\s)(?:-f|--file)(?:\s+|=)["']?(?:\$\{\{|\$\{?[A-Za-z_])/;
var VARIABLE = /\$\{\{|\$\{|\$\(|\$[A-Za-z_]|%[A-Za-z_]+%/;
var STEP_START = /^\s*-\s+(name|uses|run|image|id)\s*:/;
var TAG_OPTION = /(?:^|\s)(?:-t|--tag)(?:\s+|=)["']?([a-z0-9][\w./:-]*)/g;
var VARIABLE_REGISTRY_IMAGE = /^(?:\$\{\{[^}]{1,100}\}\}|\$\{?\w+\}?)(?:\/[\w.-]+)+(?::[\w.-]+)?$/;
var IMAGE_LINE = /^\s*(?:-\s*)?(?:(?:image|tags?)\s*:\s*)?["']?((?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)+)(?::(?:\$\{\{[^}\n]{1,100}\}\}|[\w.${}-])+)?["']?\s*(?:#.*)?$/i;
function imageRepository2(image) {
  const parts = splitImage(image).repository.split("/");
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0])) parts.shift();
  if (parts[0] === "library" && parts.length > 1) parts.shift();
  return parts.join("/").toLowerCase();
}
function stepWindow(path, lines, i) {
  let start = i;
  let end = i + 1;
  if (/\.ya?ml$/i.test(path)) {
    while (start > 0 && i - start < 25 && !STEP_START.test(lines[start])) start--;
    while (end < lines.length && end - i < 25 && !STEP_START.test(lines[end])) end++;
  } else {
    while (start > 0 && i - start < 8 && /\\\s*$/.test(lines[start - 1])) start--;
    while (end < lines.length && end - i < 8 && /\\\s*$/.test(lines[end - 1])) end++;
  }
  return { start, end };
}
var TARGET = /(?:--target(?:\s+|=)|^\s*-?\s*target\s*:\s*)["']?([A-Za-z0-9][\w.-]*)/g;
function targetsOfStep(path, lines, i) {
  const { start, end } = stepWindow(path, lines, i);
  const out = /* @__PURE__ */ new Set();
  for (let j = start; j < end; j++) for (const m of lines[j].slice(0, 500).matchAll(TARGET)) out.add(m[1].toLowerCase());
  return [...out];
}
function imagesOfStep(path, lines, i) {
  const { start, end } = stepWindow(path, lines, i);
  const out = /* @__PURE__ */ new Set();
  for (let j = start; j < end; j++) {
    const line = lines[j].length > 500 ? lines[j].slice(0, 500) : lines[j];
    for (const m of line.matchAll(TAG_OPTION)) if (m[1].includes("/") || j === i) out.add(m[1]);
    const skaffold = /(^|\/)skaffold[\w.-]*\.ya?ml$/.test(path) ? /^\s*-?\s*image\s*:\s*["']?([a-z0-9][\w.-]*)["']?\s*$/.exec(line)?.[1] : void 0;
    if (skaffold) out.add(skaffold);
    const whole = IMAGE_LINE.exec(line);
    if (whole && !/Dockerfile|Containerfile/i.test(whole[1])) out.add(whole[0].trim().replace(/^(?:-\s*)?(?:(?:image|tags?)\s*:\s*)?["']?|["']?\s*(?:#.*)?$/g, ""));
    const list2 = /^\s*(?:-\s*)?tags?\s*:\s*["']?(.+?)["']?\s*(?:#.*)?$/.exec(line)?.[1];
    if (list2 && !whole) {
      for (const one of list2.split(/,(?![^{]*\}\})/)) if (VARIABLE_REGISTRY_IMAGE.test(one.trim())) out.add(one.trim());
    }
  }
  for (let j = start; j < end; j++) {
    const step = /\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}/.exec(lines[j].slice(0, 500))?.[1];
    if (step) for (const image of metadataImages(lines, step)) out.add(image);
  }
  return [...out].filter((r) => r && !imageRepository2(r).replace(/^(?:[^/]*\$[^/]*\/)+/, "").includes("$"));
}
function metadataImages(lines, step) {
  const id2 = new RegExp(`^\\s*(-\\s+)?id\\s*:\\s*["']?${step.replace(/[-]/g, "\\-")}["']?\\s*$`);
  const at = lines.findIndex((l) => id2.test(l));
  if (at < 0) return [];
  const out = [];
  for (let j = at - 3 < 0 ? 0 : at - 3; j < lines.length && j < at + 30; j++) {
    const images = /^(\s*)images\s*:\s*(.*)$/.exec(lines[j]);
    if (!images) continue;
    const indent2 = images[1].length;
    const inline = images[2].replace(/^[|>][-+]?\s*$/, "").trim();
    if (inline) out.push(...inline.split(/[,\s]+/));
    for (let k = j + 1; k < lines.length && k < j + 30; k++) {
      const line = lines[k];
      if (line.trim() === "") continue;
      if (line.length - line.trimStart().length <= indent2) break;
      out.push(...line.trim().split(/[,\s]+/));
    }
    break;
  }
  return out.map((i) => i.replace(/^["']|["']$/g, "")).filter((i) => /^[a-z0-9][\w./:-]*\/[\w./-]+$/i.test(i) && !i.includes("$"));
}
var FILE_KEY = /^\s*-?\s*["']?(?:file|dockerfile|dockerfile[-_]path)["']?\s*:\s*\S/i;
function stepNamesFile(lines, i) {
  for (let j = i + 1; j < lines.length && j <= i + 6 && !STEP_START.test(lines[j]); j++) if (FILE_KEY.test(lines[j])) return true;
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    if (FILE_KEY.test(lines[j])) return true;
    if (STEP_START.test(lines[j])) break;
  }
  return false;
}
var CI_WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
function workflowVariables(lines) {
  const env = /* @__PURE__ */ new Map();
  const matrix = /* @__PURE__ */ new Map();
  let inMatrix = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 500);
    const indent2 = line.length - line.trimStart().length;
    if (/^\s*matrix\s*:\s*$/.test(line)) {
      inMatrix = indent2;
      continue;
    }
    if (inMatrix >= 0 && line.trim() && indent2 <= inMatrix) inMatrix = -1;
    const pair2 = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!pair2) continue;
    const [, name2, value] = pair2;
    if (inMatrix >= 0) {
      const list2 = /^\[(.*)\]$/.exec(value)?.[1]?.split(",").map((v) => v.trim().replace(/^["']|["']$/g, "")).filter(Boolean);
      if (list2 && !matrix.has(name2)) matrix.set(name2, list2);
      else if (value === "" && !matrix.has(name2)) {
        const items = [];
        for (let k = i + 1; k < lines.length && k < i + 30; k++) {
          const item = /^\s*-\s+["']?([\w./-]+)["']?\s*$/.exec(lines[k]);
          if (!item) break;
          items.push(item[1]);
        }
        if (items.length) matrix.set(name2, items);
      }
    } else if (/^[A-Z][A-Z0-9_]*$/.test(name2) && /^["']?[\w./-]+["']?$/.test(value) && !env.has(name2)) env.set(name2, value.replace(/^["']|["']$/g, ""));
  }
  return { env, matrix };
}
function expandWorkflowLine(line, values) {
  let variants = [line];
  for (const m of line.matchAll(/\$\{\{\s*(env|matrix)\.([\w-]+)\s*\}\}/g)) {
    const choices = m[1] === "env" ? values.env.has(m[2]) ? [values.env.get(m[2])] : void 0 : values.matrix.get(m[2]);
    if (!choices?.length) return void 0;
    variants = variants.flatMap((v) => choices.map((c) => v.split(m[0]).join(c)));
    if (variants.length > 16) return void 0;
  }
  return variants.length && variants[0] !== line ? variants : void 0;
}
function referencesIn(path, text, dockerfiles) {
  const out = [];
  const lines = text.split("\n");
  const dir = posix7.dirname(path);
  const contextNear = (i) => {
    for (const j of [i, i - 1, i - 2, i - 3, i - 4, i - 5, i - 6, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6]) {
      const m = j >= 0 && j < lines.length ? CONTEXT_KEY.exec(lines[j].slice(0, 500)) : null;
      if (m) return m[1];
    }
    return void 0;
  };
  const inBuildCommand = (i) => {
    for (let j = i; j >= 0 && j > i - 8; j--) {
      if (j < i && !/\\\s*$/.test(lines[j])) return false;
      if (BUILD_COMMAND.test(lines[j].slice(0, 2e3))) return true;
    }
    return false;
  };
  const workflowValues = CI_WORKFLOW.test(path) ? workflowVariables(lines) : void 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].length > 2e3 ? lines[i].slice(0, 2e3) : lines[i];
    const expanded = workflowValues && raw.includes("${{") ? expandWorkflowLine(raw, workflowValues) : void 0;
    const line = (expanded ? expanded.join(" ") : raw).replace(/\$\{\{[^}\n]{0,200}\}\}/g, "${{expr}}");
    const found = { paths: [], prefixes: [], line: i + 1, images: [], targets: [] };
    const add = (written, base) => {
      const clean2 = resolveDirectoryVariable(written.replace(/^["']|["',]$/g, ""), dir);
      const variable = VARIABLE.exec(clean2);
      if (variable) {
        if (clean2.lastIndexOf("/") < variable.index) {
          const pattern = clean2.replace(/^\.\//, "").split(/\$\{\{expr\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+");
          const template = new RegExp(`^${pattern}$`);
          const matching = [...dockerfiles].filter((p) => template.test(p) || dir !== "." && template.test(posix7.relative(dir, p)));
          if (matching.length && matching.length <= 8) {
            for (const p of matching) if (!found.paths.includes(p)) found.paths.push(p);
            return;
          }
        }
        const prefix = clean2.slice(0, variable.index).replace(/^\.\//, "").replace(/[^/]*$/, "");
        found.prefixes.push(prefix);
        return;
      }
      for (const from of [base, "", dir]) {
        if (from === void 0) continue;
        const p = posix7.normalize(posix7.join(from, clean2)).replace(/^\.\//, "");
        if (dockerfiles.has(p)) {
          if (!found.paths.includes(p)) found.paths.push(p);
          return;
        }
      }
    };
    let named = false;
    for (const token of dockerfileTokens(line)) {
      if (/\.dockerignore$/i.test(token) || /^https?:/i.test(token)) continue;
      named = true;
      add(token, token.includes("/") ? void 0 : contextNear(i));
    }
    if (!named && (HIDDEN_FILE_KEY.test(line) || HIDDEN_FILE_OPTION.test(line) && inBuildCommand(i))) found.prefixes.push("");
    const context = CONTEXT_KEY.exec(line);
    if (context && !named && !stepNamesFile(lines, i)) add(posix7.join(context[1], "Dockerfile"));
    if (BUILD_COMMAND.test(line)) {
      const positional = buildContextArgument(line);
      if (positional !== void 0 && !/(-f|--file)[\s=]/.test(line)) add(posix7.join(positional, "Dockerfile"));
    }
    if (found.paths.length) {
      found.images = imagesOfStep(path, lines, i);
      found.targets = targetsOfStep(path, lines, i);
    }
    if (found.paths.length || found.prefixes.length) out.push(found);
  }
  return out;
}
var SCRIPT_DIR_VARIABLE = /^(?:\$\{?(?:SCRIPT_?DIR|SCRIPTDIR|SCRIPT_?PATH|DIR|HERE|BASE_?DIR|THIS_?DIR|CURRENT_?DIR)\}?|\$\(\s*dirname\s+["']?\$(?:0|\{?BASH_SOURCE(?:\[0\])?\}?)["']?\s*\))(?=\/)/;
var ROOT_VARIABLE = /^\$\{?(?:ROOT|ROOT_?DIR|REPO_?ROOT|REPO_?DIR|PROJECT_?ROOT|PROJECT_?DIR|TOP_?DIR|GITHUB_WORKSPACE|CI_PROJECT_DIR)\}?(?=\/)/;
function resolveDirectoryVariable(path, dir) {
  if (SCRIPT_DIR_VARIABLE.test(path)) return path.replace(SCRIPT_DIR_VARIABLE, dir === "." ? "." : dir);
  if (ROOT_VARIABLE.test(path)) return path.replace(ROOT_VARIABLE, ".");
  return path;
}
var TOKEN_CHAR = /[\w.${}/-]/;
function dockerfileTokens(line) {
  const out = [];
  const lower = line.toLowerCase();
  let from = 0;
  for (; ; ) {
    const d = lower.indexOf("dockerfile", from);
    const c = lower.indexOf("containerfile", from);
    const at = d < 0 ? c : c < 0 ? d : Math.min(d, c);
    if (at < 0) return out;
    let start = at;
    while (start > 0 && TOKEN_CHAR.test(line[start - 1])) start--;
    let end = at + (at === d ? "Dockerfile".length : "Containerfile".length);
    while (end < line.length && TOKEN_CHAR.test(line[end])) end++;
    const token = line.slice(start, end).replace(/\.+$/, "");
    if (/Dockerfile|Containerfile/.test(token) || /[./-]/.test(token)) out.push(token);
    from = end;
  }
}
function buildContextArgument(line) {
  const m = BUILD_COMMAND.exec(line);
  const words = line.slice(m.index + m[0].length).split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^(&&|\|\||;|\||\\|#)/.test(w)) return void 0;
    if (OPTION_WITH_VALUE.test(w)) {
      i++;
      continue;
    }
    if (w.startsWith("-")) continue;
    return w.replace(/^["']|["';]$/g, "");
  }
  return void 0;
}
async function computeBuilds(files, roles, deployments) {
  const dockerfiles = new Set(files.files.map((f) => f.path).filter(isDockerfile));
  const refs = /* @__PURE__ */ new Map();
  const note = (path, ref) => {
    const list2 = refs.get(path) ?? [];
    if (!list2.some((r) => r.how === ref.how)) list2.push(ref);
    refs.set(path, list2);
  };
  if (dockerfiles.size === 0) return { roleOverrides: /* @__PURE__ */ new Map(), dockerfilesForImage: () => [], imagesOf: () => [], publishedTargets: () => [] };
  const targets = /* @__PURE__ */ new Map();
  const noteTarget = (path, named) => {
    const set = targets.get(path) ?? /* @__PURE__ */ new Set();
    for (const t2 of named.length ? named : [""]) set.add(t2);
    targets.set(path, set);
  };
  for (const deployment of deployments.list) {
    for (const service of deployment.services) {
      const path = dockerfileOf(service);
      if (!path) continue;
      const role = roleOfProfiles(service.profiles)?.role ?? deployment.role.role;
      note(path, { how: `service \`${service.name}\` of ${deployment.name}`, role });
      const build = service.config.build;
      const target = typeof build === "object" && build !== null && typeof build.target === "string" ? build.target.toLowerCase() : void 0;
      if (role === "production") noteTarget(path, target ? [target] : []);
    }
  }
  const hidden = [];
  const byImage = /* @__PURE__ */ new Map();
  const byDockerfile = /* @__PURE__ */ new Map();
  const sources = files.files.map((f) => f.path).filter((p) => BUILD_SOURCES.test(p));
  const publishingWorkflows = /* @__PURE__ */ new Set();
  await mapLimited(sources.filter((p) => p.startsWith(".github/workflows/")), READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (text && /workflow_call/.test(text) && PUBLISHES.test(text)) publishingWorkflows.add(path);
  });
  const perFile = await mapLimited(sources, READ_CONCURRENCY, async (path) => {
    const text = await files.read(path);
    if (!text || !/Dockerfile|Containerfile|context|build/i.test(text)) return [];
    const publishing = /(^|\/)(skaffold[\w.-]*\.ya?ml|docker-bake[\w.-]*\.(hcl|json)|\.goreleaser\.ya?ml)$/.test(path) ? () => true : publishingSections(path, text, publishingWorkflows);
    return referencesIn(path, text, dockerfiles).map((found) => ({ path, found, publishes: publishing(found.line) }));
  });
  for (const path of sources) {
    if (!/^\.github\/workflows\/|(^|\/)\.gitlab-ci\.ya?ml$/.test(path) || !dockerfiles.has("Dockerfile")) continue;
    const text = await files.read(path);
    if (!text || !/(build-push|push-image|publish-image|docker-publish)/.test(text) || /Dockerfile|Containerfile|docker\s+build/.test(text)) continue;
    if (roles.of(path).role === "development" || roles.of(path).role === "test") continue;
    note("Dockerfile", { how: `${path} (a publishing workflow that names no Dockerfile: the root one)`, role: "production" });
  }
  for (const { path, found, publishes } of perFile.flat()) {
    const own = roles.of(path).role;
    if (own === "docs" || own === "example" || own === "template") continue;
    const role = own === "development" || own === "test" ? own : publishes ? "production" : "tooling";
    for (const p of found.paths) {
      note(p, { how: `${path}:${found.line}`, role });
      for (const image of found.images) {
        byImage.set(imageRepository2(image), [.../* @__PURE__ */ new Set([...byImage.get(imageRepository2(image)) ?? [], p])]);
        byDockerfile.set(p, [.../* @__PURE__ */ new Set([...byDockerfile.get(p) ?? [], image])]);
      }
      if (role === "production") noteTarget(p, found.targets);
    }
    hidden.push(...found.prefixes);
  }
  const roleOverrides = /* @__PURE__ */ new Map();
  const anyVisible = refs.size > 0;
  for (const path of dockerfiles) {
    const current = roles.of(path);
    const list2 = refs.get(path) ?? [];
    const production = list2.find((r) => r.role === "production");
    if (production && yieldsToEvidence(current)) {
      roleOverrides.set(path, { role: "production", reason: `built by ${production.how}`, rule: "evidence:built-by" });
      continue;
    }
    if (current !== UNKNOWN_ROLE) continue;
    if (list2.length) {
      const role = list2.some((r) => r.role === "development") ? "development" : list2[0].role;
      roleOverrides.set(path, { role, reason: `built only by ${list2.map((r) => `${r.how} (${r.role === "tooling" ? "which publishes nothing" : r.role})`).join(", ")}`, rule: "evidence:built-by-non-production" });
    } else if (anyVisible && posix7.dirname(path) !== "." && !hidden.some((prefix) => path.startsWith(prefix))) {
      roleOverrides.set(path, {
        role: "unknown",
        reason: "nothing in the repository builds it (no compose service, CI workflow, script, skaffold or bake file names it)",
        rule: "evidence:built-by-nothing"
      });
    }
  }
  return {
    roleOverrides,
    dockerfilesForImage: (image) => byImage.get(imageRepository2(image)) ?? [],
    imagesOf: (dockerfile) => byDockerfile.get(dockerfile) ?? [],
    publishedTargets: (dockerfile) => [...targets.get(dockerfile) ?? []]
  };
}
var BUILDS_DOC = [
  "### What builds a Dockerfile",
  "",
  "A Dockerfile takes its role from what builds it:",
  "",
  '- **Built by a production deployment or a publishing step**: production, even in a folder the path table calls development, tooling or examples. References are read from compose services (`build:` with its `context`/`dockerfile`, under the service\'s deployment and profile), and by a line scan of CI workflows (GitHub, GitLab, CircleCI, Azure, Cloud Build, Bitbucket, Drone, Woodpecker, Jenkinsfile), shell scripts, Makefiles, justfiles, Taskfiles, `package.json`, skaffold, `docker-bake` and Earthfiles: Dockerfile paths (relative to the build context written next to them), `context:` keys, and the context argument of `docker build`; `$SCRIPT_DIR/`, `$(dirname "$0")/` and `$REPO_ROOT/`-style prefixes are resolved. A CI workflow or script counts as publishing when it pushes (`push: true`, `docker push`, `--push`, bake, goreleaser, a registry login) or deploys (kubectl, helm, `gcloud run deploy`, `fly deploy`, skaffold, `compose up`); one that only builds an image to run it once (a package builder) gives the Dockerfile no production role. README and docs pages are not read here (they show how one could build).',
  "- **Built only by development or test deployments**, or by services that run only in a `dev`/`test`/`deprecated` profile: that role (so at most P2).",
  "- **The other way round**: a compose file nothing else decided that runs, without `build:`, an image a publishing step pushes (`image: ghcr.io/org/app:latest` beside the workflow that pushes `ghcr.io/org/app`) is the stack operators run: production (`evidence:runs-published-image`).",
  "- **Built by nothing**, when the repository shows how it builds its images and no reference hides its path behind a variable: `unknown`, with that reason (at most P1).",
  "",
  "A compose deployment that builds from source the services another production deployment of the repository runs from published images (at least two of them, and at least half of those it builds) is that deployment's local build: development."
].join("\n");
function publishedRepositories(builds) {
  const published = /* @__PURE__ */ new Map();
  for (const [dockerfile, info] of builds.roleOverrides) {
    if (info.role !== "production") continue;
    for (const image of builds.imagesOf(dockerfile)) {
      const repo = imageRepository2(image);
      if (repo && !repo.includes("$") && !published.has(repo)) published.set(repo, dockerfile);
    }
  }
  return published;
}
function publishedImageDeployments(deployments, builds, roles) {
  const published = publishedRepositories(builds);
  const out = /* @__PURE__ */ new Map();
  if (!published.size) return out;
  for (const deployment of deployments.list) {
    if (deployment.files.length !== 1 || deployment.role.role !== "unknown") continue;
    const path = deployment.files[0];
    if (roles.of(path).role !== "unknown" || out.has(path)) continue;
    for (const service of deployment.services) {
      const image = typeof service.config.image === "string" ? service.config.image : void 0;
      if (!image || service.config.build !== void 0 || image.includes("$")) continue;
      const dockerfile = published.get(imageRepository2(image));
      if (!dockerfile) continue;
      out.set(path, { role: "production", reason: `service \`${service.name}\` runs ${image}, the image the repository publishes from ${dockerfile}: the stack operators run`, rule: "evidence:runs-published-image" });
      break;
    }
  }
  return out;
}

// src/parse/python/ast.ts
function dottedName(expr) {
  if (expr.kind === "name") return expr.name;
  if (expr.kind === "attr") {
    const base = dottedName(expr.object);
    return base === void 0 ? void 0 : `${base}.${expr.name}`;
  }
  return void 0;
}
function calleeName(call) {
  const callee = call.callee;
  if (callee.kind === "name") return callee.name;
  if (callee.kind === "attr") return callee.name;
  return void 0;
}
function literalValue(expr) {
  switch (expr.kind) {
    case "str":
      return expr.fString ? void 0 : expr.value;
    case "num":
    case "bool":
      return expr.value;
    case "none":
      return null;
    case "list":
    case "tuple":
    case "set": {
      const items = expr.items.map(literalValue);
      return items.every((v) => v !== void 0) ? items : void 0;
    }
    case "dict": {
      const out = {};
      for (const { key, value } of expr.entries) {
        const k = literalValue(key);
        const v = literalValue(value);
        if (typeof k !== "string" || v === void 0) return void 0;
        out[k] = v;
      }
      return out;
    }
    default:
      return void 0;
  }
}
function callsIn(expr, out = []) {
  switch (expr.kind) {
    case "call":
      out.push(expr);
      callsIn(expr.callee, out);
      for (const a of expr.args) callsIn(a, out);
      for (const v of Object.values(expr.kwargs)) callsIn(v, out);
      break;
    case "list":
    case "tuple":
    case "set":
      for (const item of expr.items) callsIn(item, out);
      break;
    case "dict":
      for (const { key, value } of expr.entries) {
        callsIn(key, out);
        callsIn(value, out);
      }
      break;
    case "attr":
      callsIn(expr.object, out);
      break;
    case "subscript":
      callsIn(expr.object, out);
      callsIn(expr.index, out);
      break;
    case "binop":
      callsIn(expr.left, out);
      callsIn(expr.right, out);
      break;
    case "unary":
      callsIn(expr.operand, out);
      break;
    case "starred":
      callsIn(expr.value, out);
      break;
    case "ternary":
      callsIn(expr.test, out);
      callsIn(expr.then, out);
      callsIn(expr.otherwise, out);
      break;
    default:
      break;
  }
  return out;
}
function callsInStatements(statements) {
  const out = [];
  const visit = (list2) => {
    for (const s of list2) {
      if (s.kind === "assign" || s.kind === "expr") callsIn(s.value, out);
      else if (s.kind === "class") {
        for (const b of s.bases) callsIn(b, out);
        visit(s.body);
      } else if (s.kind === "def" || s.kind === "block") visit(s.body);
    }
  };
  visit(statements);
  return out;
}
function importedModules(module) {
  const out = /* @__PURE__ */ new Set();
  const visit = (list2) => {
    for (const s of list2) {
      if (s.kind === "import" && s.module) out.add(s.module);
      else if (s.kind === "import") for (const name2 of s.names) out.add(name2);
      else if (s.kind === "star-import") out.add(s.module);
      else if (s.kind === "class" || s.kind === "def" || s.kind === "block") visit(s.body);
    }
  };
  visit(module.statements);
  return out;
}

// node_modules/@lezer/common/dist/index.js
var DefaultBufferLength = 1024;
var nextPropID = 0;
var Range2 = class {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }
};
var NodeProp = class {
  /**
  Create a new node prop type.
  */
  constructor(config = {}) {
    this.id = nextPropID++;
    this.perNode = !!config.perNode;
    this.deserialize = config.deserialize || (() => {
      throw new Error("This node type doesn't define a deserialize function");
    });
    this.combine = config.combine || null;
  }
  /**
  This is meant to be used with
  [`NodeSet.extend`](#common.NodeSet.extend) or
  [`LRParser.configure`](#lr.ParserConfig.props) to compute
  prop values for each node type in the set. Takes a [match
  object](#common.NodeType^match) or function that returns undefined
  if the node type doesn't get this prop, and the prop's value if
  it does.
  */
  add(match) {
    if (this.perNode)
      throw new RangeError("Can't add per-node props to node types");
    if (typeof match != "function")
      match = NodeType.match(match);
    return (type) => {
      let result = match(type);
      return result === void 0 ? null : [this, result];
    };
  }
};
NodeProp.closedBy = new NodeProp({ deserialize: (str) => str.split(" ") });
NodeProp.openedBy = new NodeProp({ deserialize: (str) => str.split(" ") });
NodeProp.group = new NodeProp({ deserialize: (str) => str.split(" ") });
NodeProp.isolate = new NodeProp({ deserialize: (value) => {
  if (value && value != "rtl" && value != "ltr" && value != "auto")
    throw new RangeError("Invalid value for isolate: " + value);
  return value || "auto";
} });
NodeProp.contextHash = new NodeProp({ perNode: true });
NodeProp.lookAhead = new NodeProp({ perNode: true });
NodeProp.mounted = new NodeProp({ perNode: true });
var MountedTree = class {
  constructor(tree, overlay, parser2, bracketed2 = false) {
    this.tree = tree;
    this.overlay = overlay;
    this.parser = parser2;
    this.bracketed = bracketed2;
  }
  /**
  @internal
  */
  static get(tree) {
    return tree && tree.props && tree.props[NodeProp.mounted.id];
  }
};
var noProps = /* @__PURE__ */ Object.create(null);
var NodeType = class _NodeType {
  /**
  @internal
  */
  constructor(name2, props, id2, flags = 0) {
    this.name = name2;
    this.props = props;
    this.id = id2;
    this.flags = flags;
  }
  /**
  Define a node type.
  */
  static define(spec) {
    let props = spec.props && spec.props.length ? /* @__PURE__ */ Object.create(null) : noProps;
    let flags = (spec.top ? 1 : 0) | (spec.skipped ? 2 : 0) | (spec.error ? 4 : 0) | (spec.name == null ? 8 : 0);
    let type = new _NodeType(spec.name || "", props, spec.id, flags);
    if (spec.props)
      for (let src of spec.props) {
        if (!Array.isArray(src))
          src = src(type);
        if (src) {
          if (src[0].perNode)
            throw new RangeError("Can't store a per-node prop on a node type");
          props[src[0].id] = src[1];
        }
      }
    return type;
  }
  /**
  Retrieves a node prop for this type. Will return `undefined` if
  the prop isn't present on this node.
  */
  prop(prop) {
    return this.props[prop.id];
  }
  /**
  True when this is the top node of a grammar.
  */
  get isTop() {
    return (this.flags & 1) > 0;
  }
  /**
  True when this node is produced by a skip rule.
  */
  get isSkipped() {
    return (this.flags & 2) > 0;
  }
  /**
  Indicates whether this is an error node.
  */
  get isError() {
    return (this.flags & 4) > 0;
  }
  /**
  When true, this node type doesn't correspond to a user-declared
  named node, for example because it is used to cache repetition.
  */
  get isAnonymous() {
    return (this.flags & 8) > 0;
  }
  /**
  Returns true when this node's name or one of its
  [groups](#common.NodeProp^group) matches the given string.
  */
  is(name2) {
    if (typeof name2 == "string") {
      if (this.name == name2)
        return true;
      let group = this.prop(NodeProp.group);
      return group ? group.indexOf(name2) > -1 : false;
    }
    return this.id == name2;
  }
  /**
  Create a function from node types to arbitrary values by
  specifying an object whose property names are node or
  [group](#common.NodeProp^group) names. Often useful with
  [`NodeProp.add`](#common.NodeProp.add). You can put multiple
  names, separated by spaces, in a single property name to map
  multiple node names to a single value.
  */
  static match(map) {
    let direct = /* @__PURE__ */ Object.create(null);
    for (let prop in map)
      for (let name2 of prop.split(" "))
        direct[name2] = map[prop];
    return (node) => {
      for (let groups = node.prop(NodeProp.group), i = -1; i < (groups ? groups.length : 0); i++) {
        let found = direct[i < 0 ? node.name : groups[i]];
        if (found)
          return found;
      }
    };
  }
};
NodeType.none = new NodeType(
  "",
  /* @__PURE__ */ Object.create(null),
  0,
  8
  /* NodeFlag.Anonymous */
);
var NodeSet = class _NodeSet {
  /**
  Create a set with the given types. The `id` property of each
  type should correspond to its position within the array.
  */
  constructor(types) {
    this.types = types;
    for (let i = 0; i < types.length; i++)
      if (types[i].id != i)
        throw new RangeError("Node type ids should correspond to array positions when creating a node set");
  }
  /**
  Create a copy of this set with some node properties added. The
  arguments to this method can be created with
  [`NodeProp.add`](#common.NodeProp.add).
  */
  extend(...props) {
    let newTypes = [];
    for (let type of this.types) {
      let newProps = null;
      for (let source of props) {
        let add = source(type);
        if (add) {
          if (!newProps)
            newProps = Object.assign({}, type.props);
          let value = add[1], prop = add[0];
          if (prop.combine && prop.id in newProps)
            value = prop.combine(newProps[prop.id], value);
          newProps[prop.id] = value;
        }
      }
      newTypes.push(newProps ? new NodeType(type.name, newProps, type.id, type.flags) : type);
    }
    return new _NodeSet(newTypes);
  }
};
var CachedNode = /* @__PURE__ */ new WeakMap();
var CachedInnerNode = /* @__PURE__ */ new WeakMap();
var IterMode;
(function(IterMode2) {
  IterMode2[IterMode2["ExcludeBuffers"] = 1] = "ExcludeBuffers";
  IterMode2[IterMode2["IncludeAnonymous"] = 2] = "IncludeAnonymous";
  IterMode2[IterMode2["IgnoreMounts"] = 4] = "IgnoreMounts";
  IterMode2[IterMode2["IgnoreOverlays"] = 8] = "IgnoreOverlays";
  IterMode2[IterMode2["EnterBracketed"] = 16] = "EnterBracketed";
})(IterMode || (IterMode = {}));
var Tree = class _Tree {
  /**
  Construct a new tree. See also [`Tree.build`](#common.Tree^build).
  */
  constructor(type, children, positions, length, props) {
    this.type = type;
    this.children = children;
    this.positions = positions;
    this.length = length;
    this.props = null;
    if (props && props.length) {
      this.props = /* @__PURE__ */ Object.create(null);
      for (let [prop, value] of props)
        this.props[typeof prop == "number" ? prop : prop.id] = value;
    }
  }
  /**
  @internal
  */
  toString() {
    let mounted = MountedTree.get(this);
    if (mounted && !mounted.overlay)
      return mounted.tree.toString();
    let children = "";
    for (let ch of this.children) {
      let str = ch.toString();
      if (str) {
        if (children)
          children += ",";
        children += str;
      }
    }
    return !this.type.name ? children : (/\W/.test(this.type.name) && !this.type.isError ? JSON.stringify(this.type.name) : this.type.name) + (children.length ? "(" + children + ")" : "");
  }
  /**
  Get a [tree cursor](#common.TreeCursor) positioned at the top of
  the tree. Mode can be used to [control](#common.IterMode) which
  nodes the cursor visits.
  */
  cursor(mode = 0) {
    return new TreeCursor(this.topNode, mode);
  }
  /**
  Get a [tree cursor](#common.TreeCursor) pointing into this tree
  at the given position and side (see
  [`moveTo`](#common.TreeCursor.moveTo).
  */
  cursorAt(pos, side = 0, mode = 0) {
    let scope = CachedNode.get(this) || this.topNode;
    let cursor = new TreeCursor(scope);
    cursor.moveTo(pos, side);
    CachedNode.set(this, cursor._tree);
    return cursor;
  }
  /**
  Get a [syntax node](#common.SyntaxNode) object for the top of the
  tree.
  */
  get topNode() {
    return new TreeNode(this, 0, 0, null);
  }
  /**
  Get the [syntax node](#common.SyntaxNode) at the given position.
  If `side` is -1, this will move into nodes that end at the
  position. If 1, it'll move into nodes that start at the
  position. With 0, it'll only enter nodes that cover the position
  from both sides.
  
  Note that this will not enter
  [overlays](#common.MountedTree.overlay), and you often want
  [`resolveInner`](#common.Tree.resolveInner) instead.
  */
  resolve(pos, side = 0) {
    let node = resolveNode(CachedNode.get(this) || this.topNode, pos, side, false);
    CachedNode.set(this, node);
    return node;
  }
  /**
  Like [`resolve`](#common.Tree.resolve), but will enter
  [overlaid](#common.MountedTree.overlay) nodes, producing a syntax node
  pointing into the innermost overlaid tree at the given position
  (with parent links going through all parent structure, including
  the host trees).
  */
  resolveInner(pos, side = 0) {
    let node = resolveNode(CachedInnerNode.get(this) || this.topNode, pos, side, true);
    CachedInnerNode.set(this, node);
    return node;
  }
  /**
  In some situations, it can be useful to iterate through all
  nodes around a position, including those in overlays that don't
  directly cover the position. This method gives you an iterator
  that will produce all nodes, from small to big, around the given
  position.
  */
  resolveStack(pos, side = 0) {
    return stackIterator(this, pos, side);
  }
  /**
  Iterate over the tree and its children, calling `enter` for any
  node that touches the `from`/`to` region (if given) before
  running over such a node's children, and `leave` (if given) when
  leaving the node. When `enter` returns `false`, that node will
  not have its children iterated over (or `leave` called).
  */
  iterate(spec) {
    let { enter, leave, from = 0, to = this.length } = spec;
    let mode = spec.mode || 0, anon = (mode & IterMode.IncludeAnonymous) > 0;
    for (let c = this.cursor(mode | IterMode.IncludeAnonymous); ; ) {
      let entered = false;
      if (c.from <= to && c.to >= from && (!anon && c.type.isAnonymous || enter(c) !== false)) {
        if (c.firstChild())
          continue;
        entered = true;
      }
      for (; ; ) {
        if (entered && leave && (anon || !c.type.isAnonymous))
          leave(c);
        if (c.nextSibling())
          break;
        if (!c.parent())
          return;
        entered = true;
      }
    }
  }
  /**
  Get the value of the given [node prop](#common.NodeProp) for this
  node. Works with both per-node and per-type props.
  */
  prop(prop) {
    return !prop.perNode ? this.type.prop(prop) : this.props ? this.props[prop.id] : void 0;
  }
  /**
  Returns the node's [per-node props](#common.NodeProp.perNode) in a
  format that can be passed to the [`Tree`](#common.Tree)
  constructor.
  */
  get propValues() {
    let result = [];
    if (this.props)
      for (let id2 in this.props)
        result.push([+id2, this.props[id2]]);
    return result;
  }
  /**
  Balance the direct children of this tree, producing a copy of
  which may have children grouped into subtrees with type
  [`NodeType.none`](#common.NodeType^none).
  */
  balance(config = {}) {
    return this.children.length <= 8 ? this : balanceRange(NodeType.none, this.children, this.positions, 0, this.children.length, 0, this.length, (children, positions, length) => new _Tree(this.type, children, positions, length, this.propValues), config.makeTree || ((children, positions, length) => new _Tree(NodeType.none, children, positions, length)));
  }
  /**
  Build a tree from a postfix-ordered buffer of node information,
  or a cursor over such a buffer.
  */
  static build(data) {
    return buildTree(data);
  }
};
Tree.empty = new Tree(NodeType.none, [], [], 0);
var FlatBufferCursor = class _FlatBufferCursor {
  constructor(buffer, index) {
    this.buffer = buffer;
    this.index = index;
  }
  get id() {
    return this.buffer[this.index - 4];
  }
  get start() {
    return this.buffer[this.index - 3];
  }
  get end() {
    return this.buffer[this.index - 2];
  }
  get size() {
    return this.buffer[this.index - 1];
  }
  get pos() {
    return this.index;
  }
  next() {
    this.index -= 4;
  }
  fork() {
    return new _FlatBufferCursor(this.buffer, this.index);
  }
};
var TreeBuffer = class _TreeBuffer {
  /**
  Create a tree buffer.
  */
  constructor(buffer, length, set) {
    this.buffer = buffer;
    this.length = length;
    this.set = set;
  }
  /**
  @internal
  */
  get type() {
    return NodeType.none;
  }
  /**
  @internal
  */
  toString() {
    let result = [];
    for (let index = 0; index < this.buffer.length; ) {
      result.push(this.childString(index));
      index = this.buffer[index + 3];
    }
    return result.join(",");
  }
  /**
  @internal
  */
  childString(index) {
    let id2 = this.buffer[index], endIndex = this.buffer[index + 3];
    let type = this.set.types[id2], result = type.name;
    if (/\W/.test(result) && !type.isError)
      result = JSON.stringify(result);
    index += 4;
    if (endIndex == index)
      return result;
    let children = [];
    while (index < endIndex) {
      children.push(this.childString(index));
      index = this.buffer[index + 3];
    }
    return result + "(" + children.join(",") + ")";
  }
  /**
  @internal
  */
  findChild(startIndex, endIndex, dir, pos, side) {
    let { buffer } = this, pick = -1;
    for (let i = startIndex; i != endIndex; i = buffer[i + 3]) {
      if (checkSide(side, pos, buffer[i + 1], buffer[i + 2])) {
        pick = i;
        if (dir > 0)
          break;
      }
    }
    return pick;
  }
  /**
  @internal
  */
  slice(startI, endI, from) {
    let b = this.buffer;
    let copy = new Uint16Array(endI - startI), len = 0;
    for (let i = startI, j = 0; i < endI; ) {
      copy[j++] = b[i++];
      copy[j++] = b[i++] - from;
      let to = copy[j++] = b[i++] - from;
      copy[j++] = b[i++] - startI;
      len = Math.max(len, to);
    }
    return new _TreeBuffer(copy, len, this.set);
  }
};
function checkSide(side, pos, from, to) {
  switch (side) {
    case -2:
      return from < pos;
    case -1:
      return to >= pos && from < pos;
    case 0:
      return from < pos && to > pos;
    case 1:
      return from <= pos && to > pos;
    case 2:
      return to > pos;
    case 4:
      return true;
  }
}
function resolveNode(node, pos, side, overlays) {
  var _a;
  while (node.from == node.to || (side < 1 ? node.from >= pos : node.from > pos) || (side > -1 ? node.to <= pos : node.to < pos)) {
    let parent = !overlays && node instanceof TreeNode && node.index < 0 ? null : node.parent;
    if (!parent)
      return node;
    node = parent;
  }
  let mode = overlays ? 0 : IterMode.IgnoreOverlays;
  if (overlays)
    for (let scan = node, parent = scan.parent; parent; scan = parent, parent = scan.parent) {
      if (scan instanceof TreeNode && scan.index < 0 && ((_a = parent.enter(pos, side, mode)) === null || _a === void 0 ? void 0 : _a.from) != scan.from)
        node = parent;
    }
  for (; ; ) {
    let inner = node.enter(pos, side, mode);
    if (!inner)
      return node;
    node = inner;
  }
}
var BaseNode = class {
  cursor(mode = 0) {
    return new TreeCursor(this, mode);
  }
  getChild(type, before = null, after = null) {
    let r = getChildren(this, type, before, after);
    return r.length ? r[0] : null;
  }
  getChildren(type, before = null, after = null) {
    return getChildren(this, type, before, after);
  }
  resolve(pos, side = 0) {
    return resolveNode(this, pos, side, false);
  }
  resolveInner(pos, side = 0) {
    return resolveNode(this, pos, side, true);
  }
  matchContext(context) {
    return matchNodeContext(this.parent, context);
  }
  enterUnfinishedNodesBefore(pos) {
    let scan = this.childBefore(pos), node = this;
    while (scan) {
      let last = scan.lastChild;
      if (!last || last.to != scan.to)
        break;
      if (last.type.isError && last.from == last.to) {
        node = scan;
        scan = last.prevSibling;
      } else {
        scan = last;
      }
    }
    return node;
  }
  get node() {
    return this;
  }
  get next() {
    return this.parent;
  }
};
var TreeNode = class _TreeNode extends BaseNode {
  constructor(_tree, from, index, _parent) {
    super();
    this._tree = _tree;
    this.from = from;
    this.index = index;
    this._parent = _parent;
  }
  get type() {
    return this._tree.type;
  }
  get name() {
    return this._tree.type.name;
  }
  get to() {
    return this.from + this._tree.length;
  }
  nextChild(i, dir, pos, side, mode = 0) {
    for (let parent = this; ; ) {
      for (let { children, positions } = parent._tree, e = dir > 0 ? children.length : -1; i != e; i += dir) {
        let next = children[i], start = positions[i] + parent.from, mounted;
        if (!(mode & IterMode.EnterBracketed && next instanceof Tree && (mounted = MountedTree.get(next)) && !mounted.overlay && mounted.bracketed && pos >= start && pos <= start + next.length) && !checkSide(side, pos, start, start + next.length))
          continue;
        if (next instanceof TreeBuffer) {
          if (mode & IterMode.ExcludeBuffers)
            continue;
          let index = next.findChild(0, next.buffer.length, dir, pos - start, side);
          if (index > -1)
            return new BufferNode(new BufferContext(parent, next, i, start), null, index);
        } else if (mode & IterMode.IncludeAnonymous || (!next.type.isAnonymous || hasChild(next))) {
          let mounted2;
          if (!(mode & IterMode.IgnoreMounts) && (mounted2 = MountedTree.get(next)) && !mounted2.overlay)
            return new _TreeNode(mounted2.tree, start, i, parent);
          let inner = new _TreeNode(next, start, i, parent);
          return mode & IterMode.IncludeAnonymous || !inner.type.isAnonymous ? inner : inner.nextChild(dir < 0 ? next.children.length - 1 : 0, dir, pos, side, mode);
        }
      }
      if (mode & IterMode.IncludeAnonymous || !parent.type.isAnonymous)
        return null;
      if (parent.index >= 0)
        i = parent.index + dir;
      else
        i = dir < 0 ? -1 : parent._parent._tree.children.length;
      parent = parent._parent;
      if (!parent)
        return null;
    }
  }
  get firstChild() {
    return this.nextChild(
      0,
      1,
      0,
      4
      /* Side.DontCare */
    );
  }
  get lastChild() {
    return this.nextChild(
      this._tree.children.length - 1,
      -1,
      0,
      4
      /* Side.DontCare */
    );
  }
  childAfter(pos) {
    return this.nextChild(
      0,
      1,
      pos,
      2
      /* Side.After */
    );
  }
  childBefore(pos) {
    return this.nextChild(
      this._tree.children.length - 1,
      -1,
      pos,
      -2
      /* Side.Before */
    );
  }
  prop(prop) {
    return this._tree.prop(prop);
  }
  enter(pos, side, mode = 0) {
    let mounted;
    if (!(mode & IterMode.IgnoreOverlays) && (mounted = MountedTree.get(this._tree)) && mounted.overlay) {
      let rPos = pos - this.from, enterBracketed = mode & IterMode.EnterBracketed && mounted.bracketed;
      for (let { from, to } of mounted.overlay) {
        if ((side > 0 || enterBracketed ? from <= rPos : from < rPos) && (side < 0 || enterBracketed ? to >= rPos : to > rPos))
          return new _TreeNode(mounted.tree, mounted.overlay[0].from + this.from, -1, this);
      }
    }
    return this.nextChild(0, 1, pos, side, mode);
  }
  nextSignificantParent() {
    let val = this;
    while (val.type.isAnonymous && val._parent)
      val = val._parent;
    return val;
  }
  get parent() {
    return this._parent ? this._parent.nextSignificantParent() : null;
  }
  get nextSibling() {
    return this._parent && this.index >= 0 ? this._parent.nextChild(
      this.index + 1,
      1,
      0,
      4
      /* Side.DontCare */
    ) : null;
  }
  get prevSibling() {
    return this._parent && this.index >= 0 ? this._parent.nextChild(
      this.index - 1,
      -1,
      0,
      4
      /* Side.DontCare */
    ) : null;
  }
  get tree() {
    return this._tree;
  }
  toTree() {
    return this._tree;
  }
  /**
  @internal
  */
  toString() {
    return this._tree.toString();
  }
};
function getChildren(node, type, before, after) {
  let cur = node.cursor(), result = [];
  if (!cur.firstChild())
    return result;
  if (before != null)
    for (let found = false; !found; ) {
      found = cur.type.is(before);
      if (!cur.nextSibling())
        return result;
    }
  for (; ; ) {
    if (after != null && cur.type.is(after))
      return result;
    if (cur.type.is(type))
      result.push(cur.node);
    if (!cur.nextSibling())
      return after == null ? result : [];
  }
}
function matchNodeContext(node, context, i = context.length - 1) {
  for (let p = node; i >= 0; p = p.parent) {
    if (!p)
      return false;
    if (!p.type.isAnonymous) {
      if (context[i] && context[i] != p.name)
        return false;
      i--;
    }
  }
  return true;
}
var BufferContext = class {
  constructor(parent, buffer, index, start) {
    this.parent = parent;
    this.buffer = buffer;
    this.index = index;
    this.start = start;
  }
};
var BufferNode = class _BufferNode extends BaseNode {
  get name() {
    return this.type.name;
  }
  get from() {
    return this.context.start + this.context.buffer.buffer[this.index + 1];
  }
  get to() {
    return this.context.start + this.context.buffer.buffer[this.index + 2];
  }
  constructor(context, _parent, index) {
    super();
    this.context = context;
    this._parent = _parent;
    this.index = index;
    this.type = context.buffer.set.types[context.buffer.buffer[index]];
  }
  child(dir, pos, side) {
    let { buffer } = this.context;
    let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], dir, pos - this.context.start, side);
    return index < 0 ? null : new _BufferNode(this.context, this, index);
  }
  get firstChild() {
    return this.child(
      1,
      0,
      4
      /* Side.DontCare */
    );
  }
  get lastChild() {
    return this.child(
      -1,
      0,
      4
      /* Side.DontCare */
    );
  }
  childAfter(pos) {
    return this.child(
      1,
      pos,
      2
      /* Side.After */
    );
  }
  childBefore(pos) {
    return this.child(
      -1,
      pos,
      -2
      /* Side.Before */
    );
  }
  prop(prop) {
    return this.type.prop(prop);
  }
  enter(pos, side, mode = 0) {
    if (mode & IterMode.ExcludeBuffers)
      return null;
    let { buffer } = this.context;
    let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], side > 0 ? 1 : -1, pos - this.context.start, side);
    return index < 0 ? null : new _BufferNode(this.context, this, index);
  }
  get parent() {
    return this._parent || this.context.parent.nextSignificantParent();
  }
  externalSibling(dir) {
    return this._parent ? null : this.context.parent.nextChild(
      this.context.index + dir,
      dir,
      0,
      4
      /* Side.DontCare */
    );
  }
  get nextSibling() {
    let { buffer } = this.context;
    let after = buffer.buffer[this.index + 3];
    if (after < (this._parent ? buffer.buffer[this._parent.index + 3] : buffer.buffer.length))
      return new _BufferNode(this.context, this._parent, after);
    return this.externalSibling(1);
  }
  get prevSibling() {
    let { buffer } = this.context;
    let parentStart = this._parent ? this._parent.index + 4 : 0;
    if (this.index == parentStart)
      return this.externalSibling(-1);
    return new _BufferNode(this.context, this._parent, buffer.findChild(
      parentStart,
      this.index,
      -1,
      0,
      4
      /* Side.DontCare */
    ));
  }
  get tree() {
    return null;
  }
  toTree() {
    let children = [], positions = [];
    let { buffer } = this.context;
    let startI = this.index + 4, endI = buffer.buffer[this.index + 3];
    if (endI > startI) {
      let from = buffer.buffer[this.index + 1];
      children.push(buffer.slice(startI, endI, from));
      positions.push(0);
    }
    return new Tree(this.type, children, positions, this.to - this.from);
  }
  /**
  @internal
  */
  toString() {
    return this.context.buffer.childString(this.index);
  }
};
function iterStack(heads) {
  if (!heads.length)
    return null;
  let pick = 0, picked = heads[0];
  for (let i = 1; i < heads.length; i++) {
    let node = heads[i];
    if (node.from > picked.from || node.to < picked.to) {
      picked = node;
      pick = i;
    }
  }
  let next = picked instanceof TreeNode && picked.index < 0 ? null : picked.parent;
  let newHeads = heads.slice();
  if (next)
    newHeads[pick] = next;
  else
    newHeads.splice(pick, 1);
  return new StackIterator(newHeads, picked);
}
var StackIterator = class {
  constructor(heads, node) {
    this.heads = heads;
    this.node = node;
  }
  get next() {
    return iterStack(this.heads);
  }
};
function stackIterator(tree, pos, side) {
  let inner = tree.resolveInner(pos, side), layers = null;
  for (let scan = inner instanceof TreeNode ? inner : inner.context.parent; scan; scan = scan.parent) {
    if (scan.index < 0) {
      let parent = scan.parent;
      (layers || (layers = [inner])).push(parent.resolve(pos, side));
      scan = parent;
    } else {
      let mount = MountedTree.get(scan.tree);
      if (mount && mount.overlay && mount.overlay[0].from <= pos && mount.overlay[mount.overlay.length - 1].to >= pos) {
        let root = new TreeNode(mount.tree, mount.overlay[0].from + scan.from, -1, scan);
        (layers || (layers = [inner])).push(resolveNode(root, pos, side, false));
      }
    }
  }
  return layers ? iterStack(layers) : inner;
}
var TreeCursor = class {
  /**
  Shorthand for `.type.name`.
  */
  get name() {
    return this.type.name;
  }
  /**
  @internal
  */
  constructor(node, mode = 0) {
    this.buffer = null;
    this.stack = [];
    this.index = 0;
    this.bufferNode = null;
    this.mode = mode & ~IterMode.EnterBracketed;
    if (node instanceof TreeNode) {
      this.yieldNode(node);
    } else {
      this._tree = node.context.parent;
      this.buffer = node.context;
      for (let n = node._parent; n; n = n._parent)
        this.stack.unshift(n.index);
      this.bufferNode = node;
      this.yieldBuf(node.index);
    }
  }
  yieldNode(node) {
    if (!node)
      return false;
    this._tree = node;
    this.type = node.type;
    this.from = node.from;
    this.to = node.to;
    return true;
  }
  yieldBuf(index, type) {
    this.index = index;
    let { start, buffer } = this.buffer;
    this.type = type || buffer.set.types[buffer.buffer[index]];
    this.from = start + buffer.buffer[index + 1];
    this.to = start + buffer.buffer[index + 2];
    return true;
  }
  /**
  @internal
  */
  yield(node) {
    if (!node)
      return false;
    if (node instanceof TreeNode) {
      this.buffer = null;
      return this.yieldNode(node);
    }
    this.buffer = node.context;
    return this.yieldBuf(node.index, node.type);
  }
  /**
  @internal
  */
  toString() {
    return this.buffer ? this.buffer.buffer.childString(this.index) : this._tree.toString();
  }
  /**
  @internal
  */
  enterChild(dir, pos, side) {
    if (!this.buffer)
      return this.yield(this._tree.nextChild(dir < 0 ? this._tree._tree.children.length - 1 : 0, dir, pos, side, this.mode));
    let { buffer } = this.buffer;
    let index = buffer.findChild(this.index + 4, buffer.buffer[this.index + 3], dir, pos - this.buffer.start, side);
    if (index < 0)
      return false;
    this.stack.push(this.index);
    return this.yieldBuf(index);
  }
  /**
  Move the cursor to this node's first child. When this returns
  false, the node has no child, and the cursor has not been moved.
  */
  firstChild() {
    return this.enterChild(
      1,
      0,
      4
      /* Side.DontCare */
    );
  }
  /**
  Move the cursor to this node's last child.
  */
  lastChild() {
    return this.enterChild(
      -1,
      0,
      4
      /* Side.DontCare */
    );
  }
  /**
  Move the cursor to the first child that ends after `pos`.
  */
  childAfter(pos) {
    return this.enterChild(
      1,
      pos,
      2
      /* Side.After */
    );
  }
  /**
  Move to the last child that starts before `pos`.
  */
  childBefore(pos) {
    return this.enterChild(
      -1,
      pos,
      -2
      /* Side.Before */
    );
  }
  /**
  Move the cursor to the child around `pos`. If side is -1 the
  child may end at that position, when 1 it may start there. This
  will also enter [overlaid](#common.MountedTree.overlay)
  [mounted](#common.NodeProp^mounted) trees unless `overlays` is
  set to false.
  */
  enter(pos, side, mode = this.mode) {
    if (!this.buffer)
      return this.yield(this._tree.enter(pos, side, mode));
    return mode & IterMode.ExcludeBuffers ? false : this.enterChild(1, pos, side);
  }
  /**
  Move to the node's parent node, if this isn't the top node.
  */
  parent() {
    if (!this.buffer)
      return this.yieldNode(this.mode & IterMode.IncludeAnonymous ? this._tree._parent : this._tree.parent);
    if (this.stack.length)
      return this.yieldBuf(this.stack.pop());
    let parent = this.mode & IterMode.IncludeAnonymous ? this.buffer.parent : this.buffer.parent.nextSignificantParent();
    this.buffer = null;
    return this.yieldNode(parent);
  }
  /**
  @internal
  */
  sibling(dir) {
    if (!this.buffer)
      return !this._tree._parent ? false : this.yield(this._tree.index < 0 ? null : this._tree._parent.nextChild(this._tree.index + dir, dir, 0, 4, this.mode));
    let { buffer } = this.buffer, d = this.stack.length - 1;
    if (dir < 0) {
      let parentStart = d < 0 ? 0 : this.stack[d] + 4;
      if (this.index != parentStart)
        return this.yieldBuf(buffer.findChild(
          parentStart,
          this.index,
          -1,
          0,
          4
          /* Side.DontCare */
        ));
    } else {
      let after = buffer.buffer[this.index + 3];
      if (after < (d < 0 ? buffer.buffer.length : buffer.buffer[this.stack[d] + 3]))
        return this.yieldBuf(after);
    }
    return d < 0 ? this.yield(this.buffer.parent.nextChild(this.buffer.index + dir, dir, 0, 4, this.mode)) : false;
  }
  /**
  Move to this node's next sibling, if any.
  */
  nextSibling() {
    return this.sibling(1);
  }
  /**
  Move to this node's previous sibling, if any.
  */
  prevSibling() {
    return this.sibling(-1);
  }
  atLastNode(dir) {
    let index, parent, { buffer } = this;
    if (buffer) {
      if (dir > 0) {
        if (this.index < buffer.buffer.buffer.length)
          return false;
      } else {
        for (let i = 0; i < this.index; i++)
          if (buffer.buffer.buffer[i + 3] < this.index)
            return false;
      }
      ({ index, parent } = buffer);
    } else {
      ({ index, _parent: parent } = this._tree);
    }
    for (; parent; { index, _parent: parent } = parent) {
      if (index > -1)
        for (let i = index + dir, e = dir < 0 ? -1 : parent._tree.children.length; i != e; i += dir) {
          let child = parent._tree.children[i];
          if (this.mode & IterMode.IncludeAnonymous || child instanceof TreeBuffer || !child.type.isAnonymous || hasChild(child))
            return false;
        }
    }
    return true;
  }
  move(dir, enter) {
    if (enter && this.enterChild(
      dir,
      0,
      4
      /* Side.DontCare */
    ))
      return true;
    for (; ; ) {
      if (this.sibling(dir))
        return true;
      if (this.atLastNode(dir) || !this.parent())
        return false;
    }
  }
  /**
  Move to the next node in a
  [pre-order](https://en.wikipedia.org/wiki/Tree_traversal#Pre-order,_NLR)
  traversal, going from a node to its first child or, if the
  current node is empty or `enter` is false, its next sibling or
  the next sibling of the first parent node that has one.
  */
  next(enter = true) {
    return this.move(1, enter);
  }
  /**
  Move to the next node in a last-to-first pre-order traversal. A
  node is followed by its last child or, if it has none, its
  previous sibling or the previous sibling of the first parent
  node that has one.
  */
  prev(enter = true) {
    return this.move(-1, enter);
  }
  /**
  Move the cursor to the innermost node that covers `pos`. If
  `side` is -1, it will enter nodes that end at `pos`. If it is 1,
  it will enter nodes that start at `pos`.
  */
  moveTo(pos, side = 0) {
    while (this.from == this.to || (side < 1 ? this.from >= pos : this.from > pos) || (side > -1 ? this.to <= pos : this.to < pos))
      if (!this.parent())
        break;
    while (this.enterChild(1, pos, side)) {
    }
    return this;
  }
  /**
  Get a [syntax node](#common.SyntaxNode) at the cursor's current
  position.
  */
  get node() {
    if (!this.buffer)
      return this._tree;
    let cache = this.bufferNode, result = null, depth = 0;
    if (cache && cache.context == this.buffer) {
      scan: for (let index = this.index, d = this.stack.length; d >= 0; ) {
        for (let c = cache; c; c = c._parent)
          if (c.index == index) {
            if (index == this.index)
              return c;
            result = c;
            depth = d + 1;
            break scan;
          }
        index = this.stack[--d];
      }
    }
    for (let i = depth; i < this.stack.length; i++)
      result = new BufferNode(this.buffer, result, this.stack[i]);
    return this.bufferNode = new BufferNode(this.buffer, result, this.index);
  }
  /**
  Get the [tree](#common.Tree) that represents the current node, if
  any. Will return null when the node is in a [tree
  buffer](#common.TreeBuffer).
  */
  get tree() {
    return this.buffer ? null : this._tree._tree;
  }
  /**
  Iterate over the current node and all its descendants, calling
  `enter` when entering a node and `leave`, if given, when leaving
  one. When `enter` returns `false`, any children of that node are
  skipped, and `leave` isn't called for it.
  */
  iterate(enter, leave) {
    for (let depth = 0; ; ) {
      let mustLeave = false;
      if (this.type.isAnonymous || enter(this) !== false) {
        if (this.firstChild()) {
          depth++;
          continue;
        }
        if (!this.type.isAnonymous)
          mustLeave = true;
      }
      for (; ; ) {
        if (mustLeave && leave)
          leave(this);
        mustLeave = this.type.isAnonymous;
        if (!depth)
          return;
        if (this.nextSibling())
          break;
        this.parent();
        depth--;
        mustLeave = true;
      }
    }
  }
  /**
  Test whether the current node matches a given context—a sequence
  of direct parent node names. Empty strings in the context array
  are treated as wildcards.
  */
  matchContext(context) {
    if (!this.buffer)
      return matchNodeContext(this.node.parent, context);
    let { buffer } = this.buffer, { types } = buffer.set;
    for (let i = context.length - 1, d = this.stack.length - 1; i >= 0; d--) {
      if (d < 0)
        return matchNodeContext(this._tree, context, i);
      let type = types[buffer.buffer[this.stack[d]]];
      if (!type.isAnonymous) {
        if (context[i] && context[i] != type.name)
          return false;
        i--;
      }
    }
    return true;
  }
};
function hasChild(tree) {
  return tree.children.some((ch) => ch instanceof TreeBuffer || !ch.type.isAnonymous || hasChild(ch));
}
function buildTree(data) {
  var _a;
  let { buffer, nodeSet, maxBufferLength = DefaultBufferLength, reused = [], minRepeatType = nodeSet.types.length } = data;
  let cursor = Array.isArray(buffer) ? new FlatBufferCursor(buffer, buffer.length) : buffer;
  let types = nodeSet.types;
  let contextHash = 0, lookAhead = 0;
  function takeNode(parentStart, minPos, children2, positions2, inRepeat, depth) {
    let { id: id2, start, end, size } = cursor;
    let lookAheadAtStart = lookAhead, contextAtStart = contextHash;
    if (size < 0) {
      cursor.next();
      if (size == -1) {
        let node2 = reused[id2];
        children2.push(node2);
        positions2.push(start - parentStart);
        return;
      } else if (size == -3) {
        contextHash = id2;
        return;
      } else if (size == -4) {
        lookAhead = id2;
        return;
      } else {
        throw new RangeError(`Unrecognized record size: ${size}`);
      }
    }
    let type = types[id2], node, buffer2;
    let startPos = start - parentStart;
    if (end - start <= maxBufferLength && (buffer2 = findBufferSize(cursor.pos - minPos, inRepeat))) {
      let data2 = new Uint16Array(buffer2.size - buffer2.skip);
      let endPos = cursor.pos - buffer2.size, index = data2.length;
      while (cursor.pos > endPos)
        index = copyToBuffer(buffer2.start, data2, index);
      node = new TreeBuffer(data2, end - buffer2.start, nodeSet);
      startPos = buffer2.start - parentStart;
    } else {
      let endPos = cursor.pos - size;
      cursor.next();
      let localChildren = [], localPositions = [];
      let localInRepeat = id2 >= minRepeatType ? id2 : -1;
      let lastGroup = 0, lastEnd = end, groupLookAhead = lookAheadAtStart;
      while (cursor.pos > endPos) {
        if (localInRepeat >= 0 && cursor.id == localInRepeat && cursor.size >= 0) {
          if (cursor.end <= lastEnd - maxBufferLength) {
            makeRepeatLeaf(localChildren, localPositions, start, lastGroup, cursor.end, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
            lastGroup = localChildren.length;
            lastEnd = cursor.end;
            groupLookAhead = lookAhead;
          }
          cursor.next();
        } else if (depth > 2500) {
          takeFlatNode(start, endPos, localChildren, localPositions);
        } else {
          if (localInRepeat >= 0 && cursor.size == -1 && reused[cursor.id].type == nodeSet.types[localInRepeat]) {
            if (lastGroup < localChildren.length)
              makeRepeatLeaf(localChildren, localPositions, start, lastGroup, cursor.end, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
            lastGroup = localChildren.length + 1;
            lastEnd = cursor.start;
            groupLookAhead = lookAhead;
          }
          takeNode(start, endPos, localChildren, localPositions, localInRepeat, depth + 1);
        }
      }
      if (localInRepeat >= 0 && lastGroup > 0 && lastGroup < localChildren.length)
        makeRepeatLeaf(localChildren, localPositions, start, lastGroup, start, lastEnd, localInRepeat, groupLookAhead, contextAtStart);
      localChildren.reverse();
      localPositions.reverse();
      if (localInRepeat > -1 && lastGroup > 0) {
        let make = makeBalanced(type, contextAtStart);
        node = balanceRange(type, localChildren, localPositions, 0, localChildren.length, 0, end - start, make, make);
      } else {
        node = makeTree(type, localChildren, localPositions, end - start, lookAheadAtStart - end, contextAtStart);
      }
    }
    children2.push(node);
    positions2.push(startPos);
  }
  function takeFlatNode(parentStart, minPos, children2, positions2) {
    let nodes = [];
    let nodeCount = 0, stopAt = -1;
    while (cursor.pos > minPos) {
      let { id: id2, start, end, size } = cursor;
      if (size > 4) {
        cursor.next();
      } else if (stopAt > -1 && start < stopAt) {
        break;
      } else {
        if (stopAt < 0)
          stopAt = end - maxBufferLength;
        nodes.push(id2, start, end);
        nodeCount++;
        cursor.next();
      }
    }
    if (nodeCount) {
      let buffer2 = new Uint16Array(nodeCount * 4);
      let start = nodes[nodes.length - 2];
      for (let i = nodes.length - 3, j = 0; i >= 0; i -= 3) {
        buffer2[j++] = nodes[i];
        buffer2[j++] = nodes[i + 1] - start;
        buffer2[j++] = nodes[i + 2] - start;
        buffer2[j++] = j;
      }
      children2.push(new TreeBuffer(buffer2, nodes[2] - start, nodeSet));
      positions2.push(start - parentStart);
    }
  }
  function makeBalanced(type, contextHash2) {
    return (children2, positions2, length2) => {
      let lookAhead2 = 0, lastI = children2.length - 1, last, lookAheadProp;
      if (lastI >= 0 && (last = children2[lastI]) instanceof Tree) {
        if (!lastI && last.type == type && last.length == length2)
          return last;
        if (lookAheadProp = last.prop(NodeProp.lookAhead))
          lookAhead2 = positions2[lastI] + last.length + lookAheadProp - length2;
      }
      return makeTree(type, children2, positions2, length2, lookAhead2, contextHash2);
    };
  }
  function makeRepeatLeaf(children2, positions2, base, i, from, to, type, lookAhead2, contextHash2) {
    let localChildren = [], localPositions = [];
    while (children2.length > i) {
      localChildren.push(children2.pop());
      localPositions.push(positions2.pop() + base - from);
    }
    children2.push(makeTree(nodeSet.types[type], localChildren, localPositions, to - from, lookAhead2 - to, contextHash2));
    positions2.push(from - base);
  }
  function makeTree(type, children2, positions2, length2, lookAhead2, contextHash2, props) {
    if (contextHash2) {
      let pair2 = [NodeProp.contextHash, contextHash2];
      props = props ? [pair2].concat(props) : [pair2];
    }
    if (lookAhead2 > 25) {
      let pair2 = [NodeProp.lookAhead, lookAhead2];
      props = props ? [pair2].concat(props) : [pair2];
    }
    return new Tree(type, children2, positions2, length2, props);
  }
  function findBufferSize(maxSize, inRepeat) {
    let fork = cursor.fork();
    let size = 0, start = 0, skip = 0, minStart = fork.end - maxBufferLength;
    let result = { size: 0, start: 0, skip: 0 };
    scan: for (let minPos = fork.pos - maxSize; fork.pos > minPos; ) {
      let nodeSize2 = fork.size;
      if (fork.id == inRepeat && nodeSize2 >= 0) {
        result.size = size;
        result.start = start;
        result.skip = skip;
        skip += 4;
        size += 4;
        fork.next();
        continue;
      }
      let startPos = fork.pos - nodeSize2;
      if (nodeSize2 < 0 || startPos < minPos || fork.start < minStart)
        break;
      let localSkipped = fork.id >= minRepeatType ? 4 : 0;
      let nodeStart = fork.start;
      fork.next();
      while (fork.pos > startPos) {
        if (fork.size < 0) {
          if (fork.size == -3 || fork.size == -4)
            localSkipped += 4;
          else
            break scan;
        } else if (fork.id >= minRepeatType) {
          localSkipped += 4;
        }
        fork.next();
      }
      start = nodeStart;
      size += nodeSize2;
      skip += localSkipped;
    }
    if (inRepeat < 0 || size == maxSize) {
      result.size = size;
      result.start = start;
      result.skip = skip;
    }
    return result.size > 4 ? result : void 0;
  }
  function copyToBuffer(bufferStart, buffer2, index) {
    let { id: id2, start, end, size } = cursor;
    cursor.next();
    if (size >= 0 && id2 < minRepeatType) {
      let startIndex = index;
      if (size > 4) {
        let endPos = cursor.pos - (size - 4);
        while (cursor.pos > endPos)
          index = copyToBuffer(bufferStart, buffer2, index);
      }
      buffer2[--index] = startIndex;
      buffer2[--index] = end - bufferStart;
      buffer2[--index] = start - bufferStart;
      buffer2[--index] = id2;
    } else if (size == -3) {
      contextHash = id2;
    } else if (size == -4) {
      lookAhead = id2;
    }
    return index;
  }
  let children = [], positions = [];
  while (cursor.pos > 0)
    takeNode(data.start || 0, data.bufferStart || 0, children, positions, -1, 0);
  let length = (_a = data.length) !== null && _a !== void 0 ? _a : children.length ? positions[0] + children[0].length : 0;
  return new Tree(types[data.topID], children.reverse(), positions.reverse(), length);
}
var nodeSizeCache = /* @__PURE__ */ new WeakMap();
function nodeSize(balanceType, node) {
  if (!balanceType.isAnonymous || node instanceof TreeBuffer || node.type != balanceType)
    return 1;
  let size = nodeSizeCache.get(node);
  if (size == null) {
    size = 1;
    for (let child of node.children) {
      if (child.type != balanceType || !(child instanceof Tree)) {
        size = 1;
        break;
      }
      size += nodeSize(balanceType, child);
    }
    nodeSizeCache.set(node, size);
  }
  return size;
}
function balanceRange(balanceType, children, positions, from, to, start, length, mkTop, mkTree) {
  let total = 0;
  for (let i = from; i < to; i++)
    total += nodeSize(balanceType, children[i]);
  let maxChild = Math.ceil(
    total * 1.5 / 8
    /* Balance.BranchFactor */
  );
  let localChildren = [], localPositions = [];
  function divide(children2, positions2, from2, to2, offset) {
    for (let i = from2; i < to2; ) {
      let groupFrom = i, groupStart = positions2[i], groupSize = nodeSize(balanceType, children2[i]);
      i++;
      for (; i < to2; i++) {
        let nextSize = nodeSize(balanceType, children2[i]);
        if (groupSize + nextSize >= maxChild)
          break;
        groupSize += nextSize;
      }
      if (i == groupFrom + 1) {
        if (groupSize > maxChild) {
          let only = children2[groupFrom];
          divide(only.children, only.positions, 0, only.children.length, positions2[groupFrom] + offset);
          continue;
        }
        localChildren.push(children2[groupFrom]);
      } else {
        let length2 = positions2[i - 1] + children2[i - 1].length - groupStart;
        localChildren.push(balanceRange(balanceType, children2, positions2, groupFrom, i, groupStart, length2, null, mkTree));
      }
      localPositions.push(groupStart + offset - start);
    }
  }
  divide(children, positions, from, to, 0);
  return (mkTop || mkTree)(localChildren, localPositions, length);
}
var Parser2 = class {
  /**
  Start a parse, returning a [partial parse](#common.PartialParse)
  object. [`fragments`](#common.TreeFragment) can be passed in to
  make the parse incremental.
  
  By default, the entire input is parsed. You can pass `ranges`,
  which should be a sorted array of non-empty, non-overlapping
  ranges, to parse only those ranges. The tree returned in that
  case will start at `ranges[0].from`.
  */
  startParse(input, fragments, ranges) {
    if (typeof input == "string")
      input = new StringInput(input);
    ranges = !ranges ? [new Range2(0, input.length)] : ranges.length ? ranges.map((r) => new Range2(r.from, r.to)) : [new Range2(0, 0)];
    return this.createParse(input, fragments || [], ranges);
  }
  /**
  Run a full parse, returning the resulting tree.
  */
  parse(input, fragments, ranges) {
    let parse = this.startParse(input, fragments, ranges);
    for (; ; ) {
      let done = parse.advance();
      if (done)
        return done;
    }
  }
};
var StringInput = class {
  constructor(string2) {
    this.string = string2;
  }
  get length() {
    return this.string.length;
  }
  chunk(from) {
    return this.string.slice(from);
  }
  get lineChunks() {
    return false;
  }
  read(from, to) {
    return this.string.slice(from, to);
  }
};
var stoppedInner = new NodeProp({ perNode: true });

// node_modules/@lezer/lr/dist/index.js
var Stack = class _Stack {
  /**
  @internal
  */
  constructor(p, stack, state, reducePos, pos, score, buffer, bufferBase, curContext, lookAhead = 0, parent) {
    this.p = p;
    this.stack = stack;
    this.state = state;
    this.reducePos = reducePos;
    this.pos = pos;
    this.score = score;
    this.buffer = buffer;
    this.bufferBase = bufferBase;
    this.curContext = curContext;
    this.lookAhead = lookAhead;
    this.parent = parent;
  }
  /**
  @internal
  */
  toString() {
    return `[${this.stack.filter((_, i) => i % 3 == 0).concat(this.state)}]@${this.pos}${this.score ? "!" + this.score : ""}`;
  }
  // Start an empty stack
  /**
  @internal
  */
  static start(p, state, pos = 0) {
    let cx = p.parser.context;
    return new _Stack(p, [], state, pos, pos, 0, [], 0, cx ? new StackContext(cx, cx.start) : null, 0, null);
  }
  /**
  The stack's current [context](#lr.ContextTracker) value, if
  any. Its type will depend on the context tracker's type
  parameter, or it will be `null` if there is no context
  tracker.
  */
  get context() {
    return this.curContext ? this.curContext.context : null;
  }
  // Push a state onto the stack, tracking its start position as well
  // as the buffer base at that point.
  /**
  @internal
  */
  pushState(state, start) {
    this.stack.push(this.state, start, this.bufferBase + this.buffer.length);
    this.state = state;
  }
  // Apply a reduce action
  /**
  @internal
  */
  reduce(action) {
    var _a;
    let depth = action >> 19, type = action & 65535;
    let { parser: parser2 } = this.p;
    let lookaheadRecord = this.reducePos < this.pos - 25 && this.setLookAhead(this.pos);
    let dPrec = parser2.dynamicPrecedence(type);
    if (dPrec)
      this.score += dPrec;
    if (depth == 0) {
      if (type < parser2.minRepeatTerm && this.reducePos < this.pos)
        this.reducePos = this.pos;
      this.pushState(parser2.getGoto(this.state, type, true), this.reducePos);
      if (type < parser2.minRepeatTerm)
        this.storeNode(type, this.reducePos, this.reducePos, lookaheadRecord ? 8 : 4, true);
      this.reduceContext(type, this.reducePos);
      return;
    }
    let base = this.stack.length - (depth - 1) * 3 - (action & 262144 ? 6 : 0);
    let start = base ? this.stack[base - 2] : this.p.ranges[0].from;
    if (type < parser2.minRepeatTerm && start == this.reducePos && this.reducePos < this.pos)
      this.reducePos = this.pos;
    let size = this.reducePos - start;
    if (size >= 2e3 && !((_a = this.p.parser.nodeSet.types[type]) === null || _a === void 0 ? void 0 : _a.isAnonymous)) {
      if (start == this.p.lastBigReductionStart) {
        this.p.bigReductionCount++;
        this.p.lastBigReductionSize = size;
      } else if (this.p.lastBigReductionSize < size) {
        this.p.bigReductionCount = 1;
        this.p.lastBigReductionStart = start;
        this.p.lastBigReductionSize = size;
      }
    }
    let bufferBase = base ? this.stack[base - 1] : 0, count = this.bufferBase + this.buffer.length - bufferBase;
    if (type < parser2.minRepeatTerm || action & 131072) {
      let pos = parser2.stateFlag(
        this.state,
        1
        /* StateFlag.Skipped */
      ) ? this.pos : this.reducePos;
      this.storeNode(type, start, pos, count + 4, true);
    }
    if (action & 262144) {
      this.state = this.stack[base];
    } else {
      let baseStateID = this.stack[base - 3];
      this.state = parser2.getGoto(baseStateID, type, true);
    }
    while (this.stack.length > base)
      this.stack.pop();
    this.reduceContext(type, start);
  }
  // Shift a value into the buffer
  /**
  @internal
  */
  storeNode(term, start, end, size = 4, mustSink = false) {
    if (term == 0 && (!this.stack.length || this.stack[this.stack.length - 1] < this.buffer.length + this.bufferBase)) {
      let top = this.buffer.length;
      if (top > 0 && this.buffer[top - 4] == 0 && this.buffer[top - 1] > -1) {
        if (start == end)
          return;
        if (this.buffer[top - 2] >= start) {
          this.buffer[top - 2] = end;
          return;
        }
      }
    }
    if (!mustSink || this.pos == end) {
      this.buffer.push(term, start, end, size);
    } else {
      let index = this.buffer.length;
      if (index > 0 && (this.buffer[index - 4] != 0 || this.buffer[index - 1] < 0)) {
        let mustMove = false;
        for (let scan = index; scan > 0 && this.buffer[scan - 2] > end; scan -= 4) {
          if (this.buffer[scan - 1] >= 0) {
            mustMove = true;
            break;
          }
        }
        if (mustMove)
          while (index > 0 && this.buffer[index - 2] > end) {
            this.buffer[index] = this.buffer[index - 4];
            this.buffer[index + 1] = this.buffer[index - 3];
            this.buffer[index + 2] = this.buffer[index - 2];
            this.buffer[index + 3] = this.buffer[index - 1];
            index -= 4;
            if (size > 4)
              size -= 4;
          }
      }
      this.buffer[index] = term;
      this.buffer[index + 1] = start;
      this.buffer[index + 2] = end;
      this.buffer[index + 3] = size;
    }
  }
  // Apply a shift action
  /**
  @internal
  */
  shift(action, type, start, end) {
    if (action & 131072) {
      this.pushState(action & 65535, this.pos);
    } else if ((action & 262144) == 0) {
      let nextState = action, { parser: parser2 } = this.p;
      this.pos = end;
      let skipped = parser2.stateFlag(
        nextState,
        1
        /* StateFlag.Skipped */
      );
      if (!skipped && (end > start || type <= parser2.maxNode))
        this.reducePos = end;
      this.pushState(nextState, skipped ? start : Math.min(start, this.reducePos));
      this.shiftContext(type, start);
      if (type <= parser2.maxNode)
        this.buffer.push(type, start, end, 4);
    } else {
      this.pos = end;
      this.shiftContext(type, start);
      if (type <= this.p.parser.maxNode)
        this.buffer.push(type, start, end, 4);
    }
  }
  // Apply an action
  /**
  @internal
  */
  apply(action, next, nextStart, nextEnd) {
    if (action & 65536)
      this.reduce(action);
    else
      this.shift(action, next, nextStart, nextEnd);
  }
  // Add a prebuilt (reused) node into the buffer.
  /**
  @internal
  */
  useNode(value, next, start) {
    let index = this.p.reused.length - 1;
    if (index < 0 || this.p.reused[index] != value) {
      this.p.reused.push(value);
      index++;
    }
    let end = this.reducePos = this.pos = start + value.length;
    this.pushState(next, start);
    this.buffer.push(
      index,
      start,
      end,
      -1
      /* size == -1 means this is a reused value */
    );
    if (this.curContext)
      this.updateContext(this.curContext.tracker.reuse(this.curContext.context, value, this, this.p.stream.reset(this.pos - value.length)));
  }
  // Split the stack. Due to the buffer sharing and the fact
  // that `this.stack` tends to stay quite shallow, this isn't very
  // expensive.
  /**
  @internal
  */
  split() {
    let parent = this;
    let off = parent.buffer.length;
    if (off && parent.buffer[off - 4] == 0)
      off -= 4;
    while (off > 0 && parent.buffer[off - 2] > parent.reducePos)
      off -= 4;
    let buffer = parent.buffer.slice(off), base = parent.bufferBase + off;
    while (parent && base == parent.bufferBase)
      parent = parent.parent;
    return new _Stack(this.p, this.stack.slice(), this.state, this.reducePos, this.pos, this.score, buffer, base, this.curContext, this.lookAhead, parent);
  }
  // Try to recover from an error by 'deleting' (ignoring) one token.
  /**
  @internal
  */
  recoverByDelete(next, nextEnd) {
    let isNode = next <= this.p.parser.maxNode;
    if (isNode)
      this.storeNode(next, this.pos, nextEnd, 4);
    this.storeNode(0, this.pos, nextEnd, isNode ? 8 : 4);
    this.pos = this.reducePos = nextEnd;
    this.score -= 190;
  }
  /**
  Check if the given term would be able to be shifted (optionally
  after some reductions) on this stack. This can be useful for
  external tokenizers that want to make sure they only provide a
  given token when it applies.
  */
  canShift(term) {
    for (let sim = new SimulatedStack(this); ; ) {
      let action = this.p.parser.stateSlot(
        sim.state,
        4
        /* ParseState.DefaultReduce */
      ) || this.p.parser.hasAction(sim.state, term);
      if (action == 0)
        return false;
      if ((action & 65536) == 0)
        return true;
      sim.reduce(action);
    }
  }
  // Apply up to Recover.MaxNext recovery actions that conceptually
  // inserts some missing token or rule.
  /**
  @internal
  */
  recoverByInsert(next) {
    if (this.stack.length >= 300)
      return [];
    let nextStates = this.p.parser.nextStates(this.state);
    if (nextStates.length > 4 << 1 || this.stack.length >= 120) {
      let best = [];
      for (let i = 0, s; i < nextStates.length; i += 2) {
        if ((s = nextStates[i + 1]) != this.state && this.p.parser.hasAction(s, next))
          best.push(nextStates[i], s);
      }
      if (this.stack.length < 120)
        for (let i = 0; best.length < 4 << 1 && i < nextStates.length; i += 2) {
          let s = nextStates[i + 1];
          if (!best.some((v, i2) => i2 & 1 && v == s))
            best.push(nextStates[i], s);
        }
      nextStates = best;
    }
    let result = [];
    for (let i = 0; i < nextStates.length && result.length < 4; i += 2) {
      let s = nextStates[i + 1];
      if (s == this.state)
        continue;
      let stack = this.split();
      stack.pushState(s, this.pos);
      stack.storeNode(0, stack.pos, stack.pos, 4, true);
      stack.shiftContext(nextStates[i], this.pos);
      stack.reducePos = this.pos;
      stack.score -= 200;
      result.push(stack);
    }
    return result;
  }
  // Force a reduce, if possible. Return false if that can't
  // be done.
  /**
  @internal
  */
  forceReduce() {
    let { parser: parser2 } = this.p;
    let reduce = parser2.stateSlot(
      this.state,
      5
      /* ParseState.ForcedReduce */
    );
    if ((reduce & 65536) == 0)
      return false;
    if (!parser2.validAction(this.state, reduce)) {
      let depth = reduce >> 19, term = reduce & 65535;
      let target = this.stack.length - depth * 3;
      if (target < 0 || parser2.getGoto(this.stack[target], term, false) < 0) {
        let backup = this.findForcedReduction();
        if (backup == null)
          return false;
        reduce = backup;
      }
      this.storeNode(0, this.pos, this.pos, 4, true);
      this.score -= 100;
    }
    this.reducePos = this.pos;
    this.reduce(reduce);
    return true;
  }
  /**
  Try to scan through the automaton to find some kind of reduction
  that can be applied. Used when the regular ForcedReduce field
  isn't a valid action. @internal
  */
  findForcedReduction() {
    let { parser: parser2 } = this.p, seen = [];
    let explore = (state, depth) => {
      if (seen.includes(state))
        return;
      seen.push(state);
      return parser2.allActions(state, (action) => {
        if (action & (262144 | 131072)) ;
        else if (action & 65536) {
          let rDepth = (action >> 19) - depth;
          if (rDepth > 1) {
            let term = action & 65535, target = this.stack.length - rDepth * 3;
            if (target >= 0 && parser2.getGoto(this.stack[target], term, false) >= 0)
              return rDepth << 19 | 65536 | term;
          }
        } else {
          let found = explore(action, depth + 1);
          if (found != null)
            return found;
        }
      });
    };
    return explore(this.state, 0);
  }
  /**
  @internal
  */
  forceAll() {
    while (!this.p.parser.stateFlag(
      this.state,
      2
      /* StateFlag.Accepting */
    )) {
      if (!this.forceReduce()) {
        this.storeNode(0, this.pos, this.pos, 4, true);
        break;
      }
    }
    return this;
  }
  /**
  Check whether this state has no further actions (assumed to be a direct descendant of the
  top state, since any other states must be able to continue
  somehow). @internal
  */
  get deadEnd() {
    if (this.stack.length != 3)
      return false;
    let { parser: parser2 } = this.p;
    return parser2.data[parser2.stateSlot(
      this.state,
      1
      /* ParseState.Actions */
    )] == 65535 && !parser2.stateSlot(
      this.state,
      4
      /* ParseState.DefaultReduce */
    );
  }
  /**
  Restart the stack (put it back in its start state). Only safe
  when this.stack.length == 3 (state is directly below the top
  state). @internal
  */
  restart() {
    this.storeNode(0, this.pos, this.pos, 4, true);
    this.state = this.stack[0];
    this.stack.length = 0;
  }
  /**
  @internal
  */
  sameState(other) {
    if (this.state != other.state || this.stack.length != other.stack.length)
      return false;
    for (let i = 0; i < this.stack.length; i += 3)
      if (this.stack[i] != other.stack[i])
        return false;
    return true;
  }
  /**
  Get the parser used by this stack.
  */
  get parser() {
    return this.p.parser;
  }
  /**
  Test whether a given dialect (by numeric ID, as exported from
  the terms file) is enabled.
  */
  dialectEnabled(dialectID) {
    return this.p.parser.dialect.flags[dialectID];
  }
  shiftContext(term, start) {
    if (this.curContext)
      this.updateContext(this.curContext.tracker.shift(this.curContext.context, term, this, this.p.stream.reset(start)));
  }
  reduceContext(term, start) {
    if (this.curContext)
      this.updateContext(this.curContext.tracker.reduce(this.curContext.context, term, this, this.p.stream.reset(start)));
  }
  /**
  @internal
  */
  emitContext() {
    let last = this.buffer.length - 1;
    if (last < 0 || this.buffer[last] != -3)
      this.storeNode(this.curContext.hash, this.reducePos, this.reducePos, -3, true);
  }
  /**
  @internal
  */
  emitLookAhead() {
    let last = this.buffer.length - 1;
    if (last < 0 || this.buffer[last] != -4)
      this.buffer.push(this.lookAhead, this.pos, this.pos, -4);
  }
  updateContext(context) {
    if (context != this.curContext.context) {
      let newCx = new StackContext(this.curContext.tracker, context);
      if (newCx.hash != this.curContext.hash)
        this.emitContext();
      this.curContext = newCx;
    }
  }
  /**
  @internal
  */
  setLookAhead(lookAhead) {
    if (lookAhead <= this.lookAhead)
      return false;
    this.emitLookAhead();
    this.lookAhead = lookAhead;
    return true;
  }
  /**
  @internal
  */
  close() {
    if (this.curContext && this.curContext.tracker.strict)
      this.emitContext();
    if (this.lookAhead > 0)
      this.emitLookAhead();
  }
};
var StackContext = class {
  constructor(tracker, context) {
    this.tracker = tracker;
    this.context = context;
    this.hash = tracker.strict ? tracker.hash(context) : 0;
  }
};
var SimulatedStack = class {
  constructor(start) {
    this.start = start;
    this.state = start.state;
    this.stack = start.stack;
    this.base = this.stack.length;
  }
  reduce(action) {
    let term = action & 65535, depth = action >> 19;
    if (depth == 0) {
      if (this.stack == this.start.stack)
        this.stack = this.stack.slice();
      this.stack.push(this.state, 0, 0);
      this.base += 3;
    } else {
      this.base -= (depth - 1) * 3;
    }
    let goto = this.start.p.parser.getGoto(this.stack[this.base - 3], term, true);
    this.state = goto;
  }
};
var StackBufferCursor = class _StackBufferCursor {
  constructor(stack, pos, index) {
    this.stack = stack;
    this.pos = pos;
    this.index = index;
    this.buffer = stack.buffer;
    if (this.index == 0)
      this.maybeNext();
  }
  static create(stack, pos = stack.bufferBase + stack.buffer.length) {
    return new _StackBufferCursor(stack, pos, pos - stack.bufferBase);
  }
  maybeNext() {
    let next = this.stack.parent;
    if (next != null) {
      this.index = this.stack.bufferBase - next.bufferBase;
      this.stack = next;
      this.buffer = next.buffer;
    }
  }
  get id() {
    return this.buffer[this.index - 4];
  }
  get start() {
    return this.buffer[this.index - 3];
  }
  get end() {
    return this.buffer[this.index - 2];
  }
  get size() {
    return this.buffer[this.index - 1];
  }
  next() {
    this.index -= 4;
    this.pos -= 4;
    if (this.index == 0)
      this.maybeNext();
  }
  fork() {
    return new _StackBufferCursor(this.stack, this.pos, this.index);
  }
};
function decodeArray(input, Type = Uint16Array) {
  if (typeof input != "string")
    return input;
  let array = null;
  for (let pos = 0, out = 0; pos < input.length; ) {
    let value = 0;
    for (; ; ) {
      let next = input.charCodeAt(pos++), stop = false;
      if (next == 126) {
        value = 65535;
        break;
      }
      if (next >= 92)
        next--;
      if (next >= 34)
        next--;
      let digit = next - 32;
      if (digit >= 46) {
        digit -= 46;
        stop = true;
      }
      value += digit;
      if (stop)
        break;
      value *= 46;
    }
    if (array)
      array[out++] = value;
    else
      array = new Type(value);
  }
  return array;
}
var CachedToken = class {
  constructor() {
    this.start = -1;
    this.value = -1;
    this.end = -1;
    this.extended = -1;
    this.lookAhead = 0;
    this.mask = 0;
    this.context = 0;
  }
};
var nullToken = new CachedToken();
var InputStream = class {
  /**
  @internal
  */
  constructor(input, ranges) {
    this.input = input;
    this.ranges = ranges;
    this.chunk = "";
    this.chunkOff = 0;
    this.chunk2 = "";
    this.chunk2Pos = 0;
    this.next = -1;
    this.token = nullToken;
    this.rangeIndex = 0;
    this.pos = this.chunkPos = ranges[0].from;
    this.range = ranges[0];
    this.end = ranges[ranges.length - 1].to;
    this.readNext();
  }
  /**
  @internal
  */
  resolveOffset(offset, assoc) {
    let range = this.range, index = this.rangeIndex;
    let pos = this.pos + offset;
    while (pos < range.from) {
      if (!index)
        return null;
      let next = this.ranges[--index];
      pos -= range.from - next.to;
      range = next;
    }
    while (assoc < 0 ? pos > range.to : pos >= range.to) {
      if (index == this.ranges.length - 1)
        return null;
      let next = this.ranges[++index];
      pos += next.from - range.to;
      range = next;
    }
    return pos;
  }
  /**
  @internal
  */
  clipPos(pos) {
    if (pos >= this.range.from && pos < this.range.to)
      return pos;
    for (let range of this.ranges)
      if (range.to > pos)
        return Math.max(pos, range.from);
    return this.end;
  }
  /**
  Look at a code unit near the stream position. `.peek(0)` equals
  `.next`, `.peek(-1)` gives you the previous character, and so
  on.
  
  Note that looking around during tokenizing creates dependencies
  on potentially far-away content, which may reduce the
  effectiveness incremental parsing—when looking forward—or even
  cause invalid reparses when looking backward more than 25 code
  units, since the library does not track lookbehind.
  */
  peek(offset) {
    let idx = this.chunkOff + offset, pos, result;
    if (idx >= 0 && idx < this.chunk.length) {
      pos = this.pos + offset;
      result = this.chunk.charCodeAt(idx);
    } else {
      let resolved = this.resolveOffset(offset, 1);
      if (resolved == null)
        return -1;
      pos = resolved;
      if (pos >= this.chunk2Pos && pos < this.chunk2Pos + this.chunk2.length) {
        result = this.chunk2.charCodeAt(pos - this.chunk2Pos);
      } else {
        let i = this.rangeIndex, range = this.range;
        while (range.to <= pos)
          range = this.ranges[++i];
        this.chunk2 = this.input.chunk(this.chunk2Pos = pos);
        if (pos + this.chunk2.length > range.to)
          this.chunk2 = this.chunk2.slice(0, range.to - pos);
        result = this.chunk2.charCodeAt(0);
      }
    }
    if (pos >= this.token.lookAhead)
      this.token.lookAhead = pos + 1;
    return result;
  }
  /**
  Accept a token. By default, the end of the token is set to the
  current stream position, but you can pass an offset (relative to
  the stream position) to change that.
  */
  acceptToken(token, endOffset = 0) {
    let end = endOffset ? this.resolveOffset(endOffset, -1) : this.pos;
    if (end == null || end < this.token.start)
      throw new RangeError("Token end out of bounds");
    this.token.value = token;
    this.token.end = end;
  }
  /**
  Accept a token ending at a specific given position.
  */
  acceptTokenTo(token, endPos) {
    this.token.value = token;
    this.token.end = endPos;
  }
  getChunk() {
    if (this.pos >= this.chunk2Pos && this.pos < this.chunk2Pos + this.chunk2.length) {
      let { chunk, chunkPos } = this;
      this.chunk = this.chunk2;
      this.chunkPos = this.chunk2Pos;
      this.chunk2 = chunk;
      this.chunk2Pos = chunkPos;
      this.chunkOff = this.pos - this.chunkPos;
    } else {
      this.chunk2 = this.chunk;
      this.chunk2Pos = this.chunkPos;
      let nextChunk = this.input.chunk(this.pos);
      let end = this.pos + nextChunk.length;
      this.chunk = end > this.range.to ? nextChunk.slice(0, this.range.to - this.pos) : nextChunk;
      this.chunkPos = this.pos;
      this.chunkOff = 0;
    }
  }
  readNext() {
    if (this.chunkOff >= this.chunk.length) {
      this.getChunk();
      if (this.chunkOff == this.chunk.length)
        return this.next = -1;
    }
    return this.next = this.chunk.charCodeAt(this.chunkOff);
  }
  /**
  Move the stream forward N (defaults to 1) code units. Returns
  the new value of [`next`](#lr.InputStream.next).
  */
  advance(n = 1) {
    this.chunkOff += n;
    while (this.pos + n >= this.range.to) {
      if (this.rangeIndex == this.ranges.length - 1)
        return this.setDone();
      n -= this.range.to - this.pos;
      this.range = this.ranges[++this.rangeIndex];
      this.pos = this.range.from;
    }
    this.pos += n;
    if (this.pos >= this.token.lookAhead)
      this.token.lookAhead = this.pos + 1;
    return this.readNext();
  }
  setDone() {
    this.pos = this.chunkPos = this.end;
    this.range = this.ranges[this.rangeIndex = this.ranges.length - 1];
    this.chunk = "";
    return this.next = -1;
  }
  /**
  @internal
  */
  reset(pos, token) {
    if (token) {
      this.token = token;
      token.start = pos;
      token.lookAhead = pos + 1;
      token.value = token.extended = -1;
    } else {
      this.token = nullToken;
    }
    if (this.pos != pos) {
      this.pos = pos;
      if (pos == this.end) {
        this.setDone();
        return this;
      }
      while (pos < this.range.from)
        this.range = this.ranges[--this.rangeIndex];
      while (pos >= this.range.to)
        this.range = this.ranges[++this.rangeIndex];
      if (pos >= this.chunkPos && pos < this.chunkPos + this.chunk.length) {
        this.chunkOff = pos - this.chunkPos;
      } else {
        this.chunk = "";
        this.chunkOff = 0;
      }
      this.readNext();
    }
    return this;
  }
  /**
  @internal
  */
  read(from, to) {
    if (from >= this.chunkPos && to <= this.chunkPos + this.chunk.length)
      return this.chunk.slice(from - this.chunkPos, to - this.chunkPos);
    if (from >= this.chunk2Pos && to <= this.chunk2Pos + this.chunk2.length)
      return this.chunk2.slice(from - this.chunk2Pos, to - this.chunk2Pos);
    if (from >= this.range.from && to <= this.range.to)
      return this.input.read(from, to);
    let result = "";
    for (let r of this.ranges) {
      if (r.from >= to)
        break;
      if (r.to > from)
        result += this.input.read(Math.max(r.from, from), Math.min(r.to, to));
    }
    return result;
  }
};
var TokenGroup = class {
  constructor(data, id2) {
    this.data = data;
    this.id = id2;
  }
  token(input, stack) {
    let { parser: parser2 } = stack.p;
    readToken(this.data, input, stack, this.id, parser2.data, parser2.tokenPrecTable);
  }
};
TokenGroup.prototype.contextual = TokenGroup.prototype.fallback = TokenGroup.prototype.extend = false;
var LocalTokenGroup = class {
  constructor(data, precTable, elseToken) {
    this.precTable = precTable;
    this.elseToken = elseToken;
    this.data = typeof data == "string" ? decodeArray(data) : data;
  }
  token(input, stack) {
    let start = input.pos, skipped = 0;
    for (; ; ) {
      let atEof = input.next < 0, nextPos = input.resolveOffset(1, 1);
      readToken(this.data, input, stack, 0, this.data, this.precTable);
      if (input.token.value > -1)
        break;
      if (this.elseToken == null)
        return;
      if (!atEof)
        skipped++;
      if (nextPos == null)
        break;
      input.reset(nextPos, input.token);
    }
    if (skipped) {
      input.reset(start, input.token);
      input.acceptToken(this.elseToken, skipped);
    }
  }
};
LocalTokenGroup.prototype.contextual = TokenGroup.prototype.fallback = TokenGroup.prototype.extend = false;
var ExternalTokenizer = class {
  /**
  Create a tokenizer. The first argument is the function that,
  given an input stream, scans for the types of tokens it
  recognizes at the stream's position, and calls
  [`acceptToken`](#lr.InputStream.acceptToken) when it finds
  one.
  */
  constructor(token, options = {}) {
    this.token = token;
    this.contextual = !!options.contextual;
    this.fallback = !!options.fallback;
    this.extend = !!options.extend;
  }
};
function readToken(data, input, stack, group, precTable, precOffset) {
  let state = 0, groupMask = 1 << group, { dialect } = stack.p.parser;
  scan: for (; ; ) {
    if ((groupMask & data[state]) == 0)
      break;
    let accEnd = data[state + 1];
    for (let i = state + 3; i < accEnd; i += 2)
      if ((data[i + 1] & groupMask) > 0) {
        let term = data[i];
        if (dialect.allows(term) && (input.token.value == -1 || input.token.value == term || overrides(term, input.token.value, precTable, precOffset))) {
          input.acceptToken(term);
          break;
        }
      }
    let next = input.next, low = 0, high = data[state + 2];
    if (input.next < 0 && high > low && data[accEnd + high * 3 - 3] == 65535) {
      state = data[accEnd + high * 3 - 1];
      continue scan;
    }
    for (; low < high; ) {
      let mid = low + high >> 1;
      let index = accEnd + mid + (mid << 1);
      let from = data[index], to = data[index + 1] || 65536;
      if (next < from)
        high = mid;
      else if (next >= to)
        low = mid + 1;
      else {
        state = data[index + 2];
        input.advance();
        continue scan;
      }
    }
    break;
  }
}
function findOffset(data, start, term) {
  for (let i = start, next; (next = data[i]) != 65535; i++)
    if (next == term)
      return i - start;
  return -1;
}
function overrides(token, prev, tableData, tableOffset) {
  let iPrev = findOffset(tableData, tableOffset, prev);
  return iPrev < 0 || findOffset(tableData, tableOffset, token) < iPrev;
}
var verbose = typeof process != "undefined" && process.env && /\bparse\b/.test(process.env.LOG);
var stackIDs = null;
function cutAt(tree, pos, side) {
  let cursor = tree.cursor(IterMode.IncludeAnonymous);
  cursor.moveTo(pos);
  for (; ; ) {
    if (!(side < 0 ? cursor.childBefore(pos) : cursor.childAfter(pos)))
      for (; ; ) {
        if ((side < 0 ? cursor.to < pos : cursor.from > pos) && !cursor.type.isError)
          return side < 0 ? Math.max(0, Math.min(
            cursor.to - 1,
            pos - 25
            /* Lookahead.Margin */
          )) : Math.min(tree.length, Math.max(
            cursor.from + 1,
            pos + 25
            /* Lookahead.Margin */
          ));
        if (side < 0 ? cursor.prevSibling() : cursor.nextSibling())
          break;
        if (!cursor.parent())
          return side < 0 ? 0 : tree.length;
      }
  }
}
var FragmentCursor = class {
  constructor(fragments, minRepeat) {
    this.fragments = fragments;
    this.minRepeat = minRepeat;
    this.i = 0;
    this.fragment = null;
    this.safeFrom = -1;
    this.safeTo = -1;
    this.trees = [];
    this.start = [];
    this.index = [];
    this.lastRepeat = null;
    this.lastRepeatPos = -1;
    this.nextFragment();
  }
  nextFragment() {
    let fr = this.fragment = this.i == this.fragments.length ? null : this.fragments[this.i++];
    if (fr) {
      this.safeFrom = fr.openStart ? cutAt(fr.tree, fr.from + fr.offset, 1) - fr.offset : fr.from;
      this.safeTo = fr.openEnd ? cutAt(fr.tree, fr.to + fr.offset, -1) - fr.offset : fr.to;
      while (this.trees.length) {
        this.trees.pop();
        this.start.pop();
        this.index.pop();
      }
      this.trees.push(fr.tree);
      this.start.push(-fr.offset);
      this.index.push(0);
      this.nextStart = this.safeFrom;
    } else {
      this.nextStart = 1e9;
    }
  }
  // `pos` must be >= any previously given `pos` for this cursor
  nodeAt(pos) {
    if (pos < this.nextStart)
      return null;
    while (this.fragment && this.safeTo <= pos)
      this.nextFragment();
    if (!this.fragment)
      return null;
    for (; ; ) {
      let last = this.trees.length - 1;
      if (last < 0) {
        this.nextFragment();
        return null;
      }
      if (pos < this.safeFrom)
        return null;
      let top = this.trees[last], index = this.index[last];
      if (index == top.children.length) {
        this.trees.pop();
        this.start.pop();
        this.index.pop();
        continue;
      }
      let next = top.children[index];
      let start = this.start[last] + top.positions[index];
      if (start > pos) {
        this.nextStart = start;
        return null;
      }
      if (next instanceof Tree) {
        let storeRepeat = start > this.lastRepeatPos && next.type.id >= this.minRepeat;
        if (start == pos || storeRepeat) {
          let end = start + next.length, lookahead;
          if (start >= this.safeFrom && end <= this.safeTo && (!(lookahead = next.prop(NodeProp.lookAhead)) || end + lookahead < this.fragment.to)) {
            if (storeRepeat) {
              this.lastRepeat = next;
              this.lastRepeatPos = start;
            }
            if (start == pos)
              return next;
          }
        }
        this.index[last]++;
        if (start + next.length >= Math.max(this.safeFrom, pos)) {
          this.trees.push(next);
          this.start.push(start);
          this.index.push(0);
        }
      } else {
        this.index[last]++;
        this.nextStart = start + next.length;
      }
    }
  }
};
var TokenCache = class {
  constructor(parser2, stream) {
    this.stream = stream;
    this.tokens = [];
    this.mainToken = null;
    this.actions = [];
    this.tokens = parser2.tokenizers.map((_) => new CachedToken());
  }
  getActions(stack) {
    let actionIndex = 0;
    let main = null;
    let { parser: parser2 } = stack.p, { tokenizers } = parser2;
    let mask = parser2.stateSlot(
      stack.state,
      3
      /* ParseState.TokenizerMask */
    );
    let context = stack.curContext ? stack.curContext.hash : 0;
    let lookAhead = 0;
    for (let i = 0; i < tokenizers.length; i++) {
      if ((1 << i & mask) == 0)
        continue;
      let tokenizer = tokenizers[i], token = this.tokens[i];
      if (main && !tokenizer.fallback)
        continue;
      if (tokenizer.contextual || token.start != stack.pos || token.mask != mask || token.context != context) {
        this.updateCachedToken(token, tokenizer, stack);
        token.mask = mask;
        token.context = context;
      }
      if (token.lookAhead > token.end + 25)
        lookAhead = Math.max(token.lookAhead, lookAhead);
      if (token.value != 0) {
        let startIndex = actionIndex;
        if (token.extended > -1)
          actionIndex = this.addActions(stack, token.extended, token.end, actionIndex);
        actionIndex = this.addActions(stack, token.value, token.end, actionIndex);
        if (!tokenizer.extend) {
          main = token;
          if (actionIndex > startIndex)
            break;
        }
      }
    }
    while (this.actions.length > actionIndex)
      this.actions.pop();
    if (lookAhead)
      stack.setLookAhead(lookAhead);
    if (!main && stack.pos == this.stream.end) {
      main = new CachedToken();
      main.value = stack.p.parser.eofTerm;
      main.start = main.end = stack.pos;
      actionIndex = this.addActions(stack, main.value, main.end, actionIndex);
    }
    this.mainToken = main;
    return this.actions;
  }
  getMainToken(stack) {
    if (this.mainToken)
      return this.mainToken;
    let main = new CachedToken(), { pos, p } = stack;
    main.start = pos;
    main.end = Math.min(pos + 1, p.stream.end);
    main.value = pos == p.stream.end ? p.parser.eofTerm : 0;
    return main;
  }
  updateCachedToken(token, tokenizer, stack) {
    let start = this.stream.clipPos(stack.pos);
    tokenizer.token(this.stream.reset(start, token), stack);
    if (token.value > -1) {
      let { parser: parser2 } = stack.p;
      for (let i = 0; i < parser2.specialized.length; i++)
        if (parser2.specialized[i] == token.value) {
          let result = parser2.specializers[i](this.stream.read(token.start, token.end), stack);
          if (result >= 0 && stack.p.parser.dialect.allows(result >> 1)) {
            if ((result & 1) == 0)
              token.value = result >> 1;
            else
              token.extended = result >> 1;
            break;
          }
        }
    } else {
      token.value = 0;
      token.end = this.stream.clipPos(start + 1);
    }
  }
  putAction(action, token, end, index) {
    for (let i = 0; i < index; i += 3)
      if (this.actions[i] == action)
        return index;
    this.actions[index++] = action;
    this.actions[index++] = token;
    this.actions[index++] = end;
    return index;
  }
  addActions(stack, token, end, index) {
    let { state } = stack, { parser: parser2 } = stack.p, { data } = parser2;
    for (let set = 0; set < 2; set++) {
      for (let i = parser2.stateSlot(
        state,
        set ? 2 : 1
        /* ParseState.Actions */
      ); ; i += 3) {
        if (data[i] == 65535) {
          if (data[i + 1] == 1) {
            i = pair(data, i + 2);
          } else {
            if (index == 0 && data[i + 1] == 2)
              index = this.putAction(pair(data, i + 2), token, end, index);
            break;
          }
        }
        if (data[i] == token)
          index = this.putAction(pair(data, i + 1), token, end, index);
      }
    }
    return index;
  }
};
var Parse = class {
  constructor(parser2, input, fragments, ranges) {
    this.parser = parser2;
    this.input = input;
    this.ranges = ranges;
    this.recovering = 0;
    this.nextStackID = 9812;
    this.minStackPos = 0;
    this.reused = [];
    this.stoppedAt = null;
    this.lastBigReductionStart = -1;
    this.lastBigReductionSize = 0;
    this.bigReductionCount = 0;
    this.stream = new InputStream(input, ranges);
    this.tokens = new TokenCache(parser2, this.stream);
    this.topTerm = parser2.top[1];
    let { from } = ranges[0];
    this.stacks = [Stack.start(this, parser2.top[0], from)];
    this.fragments = fragments.length && this.stream.end - from > parser2.bufferLength * 4 ? new FragmentCursor(fragments, parser2.minRepeatTerm) : null;
  }
  get parsedPos() {
    return this.minStackPos;
  }
  // Move the parser forward. This will process all parse stacks at
  // `this.pos` and try to advance them to a further position. If no
  // stack for such a position is found, it'll start error-recovery.
  //
  // When the parse is finished, this will return a syntax tree. When
  // not, it returns `null`.
  advance() {
    let stacks = this.stacks, pos = this.minStackPos;
    let newStacks = this.stacks = [];
    let stopped, stoppedTokens;
    if (this.bigReductionCount > 300 && stacks.length == 1) {
      let [s] = stacks;
      while (s.forceReduce() && s.stack.length && s.stack[s.stack.length - 2] >= this.lastBigReductionStart) {
      }
      this.bigReductionCount = this.lastBigReductionSize = 0;
    }
    for (let i = 0; i < stacks.length; i++) {
      let stack = stacks[i];
      for (; ; ) {
        this.tokens.mainToken = null;
        if (stack.pos > pos) {
          newStacks.push(stack);
        } else if (this.advanceStack(stack, newStacks, stacks)) {
          continue;
        } else {
          if (!stopped) {
            stopped = [];
            stoppedTokens = [];
          }
          stopped.push(stack);
          let tok = this.tokens.getMainToken(stack);
          stoppedTokens.push(tok.value, tok.end);
        }
        break;
      }
    }
    if (!newStacks.length) {
      let finished = stopped && findFinished(stopped);
      if (finished) {
        if (verbose)
          console.log("Finish with " + this.stackID(finished));
        return this.stackToTree(finished);
      }
      if (this.parser.strict) {
        if (verbose && stopped)
          console.log("Stuck with token " + (this.tokens.mainToken ? this.parser.getName(this.tokens.mainToken.value) : "none"));
        throw new SyntaxError("No parse at " + pos);
      }
      if (!this.recovering)
        this.recovering = 5;
    }
    if (this.recovering && stopped) {
      let finished = this.stoppedAt != null && stopped[0].pos > this.stoppedAt ? stopped[0] : this.runRecovery(stopped, stoppedTokens, newStacks);
      if (finished) {
        if (verbose)
          console.log("Force-finish " + this.stackID(finished));
        return this.stackToTree(finished.forceAll());
      }
    }
    if (this.recovering) {
      let maxRemaining = this.recovering == 1 ? 1 : this.recovering * 3;
      if (newStacks.length > maxRemaining) {
        newStacks.sort((a, b) => b.score - a.score);
        while (newStacks.length > maxRemaining)
          newStacks.pop();
      }
      if (newStacks.some((s) => s.reducePos > pos))
        this.recovering--;
    } else if (newStacks.length > 1) {
      outer: for (let i = 0; i < newStacks.length - 1; i++) {
        let stack = newStacks[i];
        for (let j = i + 1; j < newStacks.length; j++) {
          let other = newStacks[j];
          if (stack.sameState(other) || stack.buffer.length > 500 && other.buffer.length > 500) {
            if ((stack.score - other.score || stack.buffer.length - other.buffer.length) > 0) {
              newStacks.splice(j--, 1);
            } else {
              newStacks.splice(i--, 1);
              continue outer;
            }
          }
        }
      }
      if (newStacks.length > 12) {
        newStacks.sort((a, b) => b.score - a.score);
        newStacks.splice(
          12,
          newStacks.length - 12
          /* Rec.MaxStackCount */
        );
      }
    }
    this.minStackPos = newStacks[0].pos;
    for (let i = 1; i < newStacks.length; i++)
      if (newStacks[i].pos < this.minStackPos)
        this.minStackPos = newStacks[i].pos;
    return null;
  }
  stopAt(pos) {
    if (this.stoppedAt != null && this.stoppedAt < pos)
      throw new RangeError("Can't move stoppedAt forward");
    this.stoppedAt = pos;
  }
  // See if a given tree, or a descendant right at its start, can be
  // reused in the given stack.
  tryReuse(stack, start, tree, repeatOnly) {
    if (!tree)
      return null;
    let strictCx = stack.curContext && stack.curContext.tracker.strict, cxHash = strictCx ? stack.curContext.hash : 0;
    for (; tree; ) {
      let match = this.parser.nodeSet.types[tree.type.id] != tree.type ? -1 : this.parser.getGoto(stack.state, tree.type.id);
      if (match > -1 && tree.length && (!strictCx || (tree.prop(NodeProp.contextHash) || 0) == cxHash)) {
        stack.useNode(tree, match, start);
        return tree;
      }
      if (tree.children.length == 0 || tree.positions[0] > 0)
        break;
      let inner = tree.children[0];
      if (inner instanceof Tree && (!repeatOnly || inner.type.id >= this.parser.minRepeatTerm))
        tree = inner;
      else
        break;
    }
    return null;
  }
  // Returns an updated version of the given stack, or null if the
  // stack can't advance normally. When `split` and `stacks` are
  // given, stacks split off by ambiguous operations will be pushed to
  // `split`, or added to `stacks` if they move `pos` forward.
  advanceStack(stack, stacks, split2) {
    let start = stack.pos, { parser: parser2 } = this;
    let base = verbose ? this.stackID(stack) + " -> " : "";
    if (this.stoppedAt != null && start > this.stoppedAt)
      return stack.forceReduce() ? stack : null;
    if (this.fragments) {
      let reused = stack.reducePos < start && stack.buffer.length && stack.buffer[stack.buffer.length - 2] <= stack.reducePos && this.fragments.lastRepeatPos == stack.reducePos && this.tryReuse(stack, stack.reducePos, this.fragments.lastRepeat, true) || this.tryReuse(stack, start, this.fragments.nodeAt(start), false);
      if (reused) {
        if (verbose)
          console.log(base + this.stackID(stack) + ` (via reuse of ${parser2.getName(reused.type.id)})`);
        return true;
      }
    }
    let defaultReduce = parser2.stateSlot(
      stack.state,
      4
      /* ParseState.DefaultReduce */
    );
    if (defaultReduce > 0) {
      stack.reduce(defaultReduce);
      if (verbose)
        console.log(base + this.stackID(stack) + ` (via always-reduce ${parser2.getName(
          defaultReduce & 65535
          /* Action.ValueMask */
        )})`);
      return true;
    }
    if (stack.stack.length >= 8400) {
      while (stack.stack.length > 6e3 && stack.forceReduce()) {
      }
    }
    let actions = this.tokens.getActions(stack);
    for (let i = 0; i < actions.length; ) {
      let action = actions[i++], term = actions[i++], end = actions[i++];
      let last = i == actions.length || !split2;
      let localStack = last ? stack : stack.split();
      let main = this.tokens.mainToken;
      localStack.apply(action, term, main ? main.start : localStack.pos, end);
      if (verbose)
        console.log(base + this.stackID(localStack) + ` (via ${(action & 65536) == 0 ? "shift" : `reduce of ${parser2.getName(
          action & 65535
          /* Action.ValueMask */
        )}`} for ${parser2.getName(term)} @ ${start}${localStack == stack ? "" : ", split"})`);
      if (last)
        return true;
      else if (localStack.pos > start)
        stacks.push(localStack);
      else
        split2.push(localStack);
    }
    return false;
  }
  // Advance a given stack forward as far as it will go. Returns the
  // (possibly updated) stack if it got stuck, or null if it moved
  // forward and was given to `pushStackDedup`.
  advanceFully(stack, newStacks) {
    let pos = stack.pos;
    for (; ; ) {
      if (!this.advanceStack(stack, null, null))
        return false;
      if (stack.pos > pos) {
        pushStackDedup(stack, newStacks);
        return true;
      }
    }
  }
  runRecovery(stacks, tokens, newStacks) {
    let finished = null, restarted = false;
    for (let i = 0; i < stacks.length; i++) {
      let stack = stacks[i], token = tokens[i << 1], tokenEnd = tokens[(i << 1) + 1];
      let base = verbose ? this.stackID(stack) + " -> " : "";
      if (stack.deadEnd) {
        if (restarted)
          continue;
        restarted = true;
        stack.restart();
        if (verbose)
          console.log(base + this.stackID(stack) + " (restarted)");
        let done = this.advanceFully(stack, newStacks);
        if (done)
          continue;
      }
      let force = stack.split(), forceBase = base;
      for (let j = 0; j < 10 && force.forceReduce(); j++) {
        if (verbose)
          console.log(forceBase + this.stackID(force) + " (via force-reduce)");
        let done = this.advanceFully(force, newStacks);
        if (done)
          break;
        if (verbose)
          forceBase = this.stackID(force) + " -> ";
      }
      for (let insert of stack.recoverByInsert(token)) {
        if (verbose)
          console.log(base + this.stackID(insert) + " (via recover-insert)");
        this.advanceFully(insert, newStacks);
      }
      if (this.stream.end > stack.pos) {
        if (tokenEnd == stack.pos) {
          tokenEnd++;
          token = 0;
        }
        stack.recoverByDelete(token, tokenEnd);
        if (verbose)
          console.log(base + this.stackID(stack) + ` (via recover-delete ${this.parser.getName(token)})`);
        pushStackDedup(stack, newStacks);
      } else if (!finished || finished.score < force.score) {
        finished = force;
      }
    }
    return finished;
  }
  // Convert the stack's buffer to a syntax tree.
  stackToTree(stack) {
    stack.close();
    return Tree.build({
      buffer: StackBufferCursor.create(stack),
      nodeSet: this.parser.nodeSet,
      topID: this.topTerm,
      maxBufferLength: this.parser.bufferLength,
      reused: this.reused,
      start: this.ranges[0].from,
      length: stack.pos - this.ranges[0].from,
      minRepeatType: this.parser.minRepeatTerm
    });
  }
  stackID(stack) {
    let id2 = (stackIDs || (stackIDs = /* @__PURE__ */ new WeakMap())).get(stack);
    if (!id2)
      stackIDs.set(stack, id2 = String.fromCodePoint(this.nextStackID++));
    return id2 + stack;
  }
};
function pushStackDedup(stack, newStacks) {
  for (let i = 0; i < newStacks.length; i++) {
    let other = newStacks[i];
    if (other.pos == stack.pos && other.sameState(stack)) {
      if (newStacks[i].score < stack.score)
        newStacks[i] = stack;
      return;
    }
  }
  newStacks.push(stack);
}
var Dialect = class {
  constructor(source, flags, disabled) {
    this.source = source;
    this.flags = flags;
    this.disabled = disabled;
  }
  allows(term) {
    return !this.disabled || this.disabled[term] == 0;
  }
};
var id = (x) => x;
var ContextTracker = class {
  /**
  Define a context tracker.
  */
  constructor(spec) {
    this.start = spec.start;
    this.shift = spec.shift || id;
    this.reduce = spec.reduce || id;
    this.reuse = spec.reuse || id;
    this.hash = spec.hash || (() => 0);
    this.strict = spec.strict !== false;
  }
};
var LRParser = class _LRParser extends Parser2 {
  /**
  @internal
  */
  constructor(spec) {
    super();
    this.wrappers = [];
    if (spec.version != 14)
      throw new RangeError(`Parser version (${spec.version}) doesn't match runtime version (${14})`);
    let nodeNames = spec.nodeNames.split(" ");
    this.minRepeatTerm = nodeNames.length;
    for (let i = 0; i < spec.repeatNodeCount; i++)
      nodeNames.push("");
    let topTerms = Object.keys(spec.topRules).map((r) => spec.topRules[r][1]);
    let nodeProps = [];
    for (let i = 0; i < nodeNames.length; i++)
      nodeProps.push([]);
    function setProp(nodeID, prop, value) {
      nodeProps[nodeID].push([prop, prop.deserialize(String(value))]);
    }
    if (spec.nodeProps)
      for (let propSpec of spec.nodeProps) {
        let prop = propSpec[0];
        if (typeof prop == "string")
          prop = NodeProp[prop];
        for (let i = 1; i < propSpec.length; ) {
          let next = propSpec[i++];
          if (next >= 0) {
            setProp(next, prop, propSpec[i++]);
          } else {
            let value = propSpec[i + -next];
            for (let j = -next; j > 0; j--)
              setProp(propSpec[i++], prop, value);
            i++;
          }
        }
      }
    this.nodeSet = new NodeSet(nodeNames.map((name2, i) => NodeType.define({
      name: i >= this.minRepeatTerm ? void 0 : name2,
      id: i,
      props: nodeProps[i],
      top: topTerms.indexOf(i) > -1,
      error: i == 0,
      skipped: spec.skippedNodes && spec.skippedNodes.indexOf(i) > -1
    })));
    if (spec.propSources)
      this.nodeSet = this.nodeSet.extend(...spec.propSources);
    this.strict = false;
    this.bufferLength = DefaultBufferLength;
    let tokenArray = decodeArray(spec.tokenData);
    this.context = spec.context;
    this.specializerSpecs = spec.specialized || [];
    this.specialized = new Uint16Array(this.specializerSpecs.length);
    for (let i = 0; i < this.specializerSpecs.length; i++)
      this.specialized[i] = this.specializerSpecs[i].term;
    this.specializers = this.specializerSpecs.map(getSpecializer);
    this.states = decodeArray(spec.states, Uint32Array);
    this.data = decodeArray(spec.stateData);
    this.goto = decodeArray(spec.goto);
    this.maxTerm = spec.maxTerm;
    this.tokenizers = spec.tokenizers.map((value) => typeof value == "number" ? new TokenGroup(tokenArray, value) : value);
    this.topRules = spec.topRules;
    this.dialects = spec.dialects || {};
    this.dynamicPrecedences = spec.dynamicPrecedences || null;
    this.tokenPrecTable = spec.tokenPrec;
    this.termNames = spec.termNames || null;
    this.maxNode = this.nodeSet.types.length - 1;
    this.dialect = this.parseDialect();
    this.top = this.topRules[Object.keys(this.topRules)[0]];
  }
  createParse(input, fragments, ranges) {
    let parse = new Parse(this, input, fragments, ranges);
    for (let w of this.wrappers)
      parse = w(parse, input, fragments, ranges);
    return parse;
  }
  /**
  Get a goto table entry @internal
  */
  getGoto(state, term, loose = false) {
    let table = this.goto;
    if (term >= table[0])
      return -1;
    for (let pos = table[term + 1]; ; ) {
      let groupTag = table[pos++], last = groupTag & 1;
      let target = table[pos++];
      if (last && loose)
        return target;
      for (let end = pos + (groupTag >> 1); pos < end; pos++)
        if (table[pos] == state)
          return target;
      if (last)
        return -1;
    }
  }
  /**
  Check if this state has an action for a given terminal @internal
  */
  hasAction(state, terminal) {
    let data = this.data;
    for (let set = 0; set < 2; set++) {
      for (let i = this.stateSlot(
        state,
        set ? 2 : 1
        /* ParseState.Actions */
      ), next; ; i += 3) {
        if ((next = data[i]) == 65535) {
          if (data[i + 1] == 1)
            next = data[i = pair(data, i + 2)];
          else if (data[i + 1] == 2)
            return pair(data, i + 2);
          else
            break;
        }
        if (next == terminal || next == 0)
          return pair(data, i + 1);
      }
    }
    return 0;
  }
  /**
  @internal
  */
  stateSlot(state, slot) {
    return this.states[state * 6 + slot];
  }
  /**
  @internal
  */
  stateFlag(state, flag) {
    return (this.stateSlot(
      state,
      0
      /* ParseState.Flags */
    ) & flag) > 0;
  }
  /**
  @internal
  */
  validAction(state, action) {
    return !!this.allActions(state, (a) => a == action ? true : null);
  }
  /**
  @internal
  */
  allActions(state, action) {
    let deflt = this.stateSlot(
      state,
      4
      /* ParseState.DefaultReduce */
    );
    let result = deflt ? action(deflt) : void 0;
    for (let i = this.stateSlot(
      state,
      1
      /* ParseState.Actions */
    ); result == null; i += 3) {
      if (this.data[i] == 65535) {
        if (this.data[i + 1] == 1)
          i = pair(this.data, i + 2);
        else
          break;
      }
      result = action(pair(this.data, i + 1));
    }
    return result;
  }
  /**
  Get the states that can follow this one through shift actions or
  goto jumps. @internal
  */
  nextStates(state) {
    let result = [];
    for (let i = this.stateSlot(
      state,
      1
      /* ParseState.Actions */
    ); ; i += 3) {
      if (this.data[i] == 65535) {
        if (this.data[i + 1] == 1)
          i = pair(this.data, i + 2);
        else
          break;
      }
      if ((this.data[i + 2] & 65536 >> 16) == 0) {
        let value = this.data[i + 1];
        if (!result.some((v, i2) => i2 & 1 && v == value))
          result.push(this.data[i], value);
      }
    }
    return result;
  }
  /**
  Configure the parser. Returns a new parser instance that has the
  given settings modified. Settings not provided in `config` are
  kept from the original parser.
  */
  configure(config) {
    let copy = Object.assign(Object.create(_LRParser.prototype), this);
    if (config.props)
      copy.nodeSet = this.nodeSet.extend(...config.props);
    if (config.top) {
      let info = this.topRules[config.top];
      if (!info)
        throw new RangeError(`Invalid top rule name ${config.top}`);
      copy.top = info;
    }
    if (config.tokenizers)
      copy.tokenizers = this.tokenizers.map((t2) => {
        let found = config.tokenizers.find((r) => r.from == t2);
        return found ? found.to : t2;
      });
    if (config.specializers) {
      copy.specializers = this.specializers.slice();
      copy.specializerSpecs = this.specializerSpecs.map((s, i) => {
        let found = config.specializers.find((r) => r.from == s.external);
        if (!found)
          return s;
        let spec = Object.assign(Object.assign({}, s), { external: found.to });
        copy.specializers[i] = getSpecializer(spec);
        return spec;
      });
    }
    if (config.contextTracker)
      copy.context = config.contextTracker;
    if (config.dialect)
      copy.dialect = this.parseDialect(config.dialect);
    if (config.strict != null)
      copy.strict = config.strict;
    if (config.wrap)
      copy.wrappers = copy.wrappers.concat(config.wrap);
    if (config.bufferLength != null)
      copy.bufferLength = config.bufferLength;
    return copy;
  }
  /**
  Tells you whether any [parse wrappers](#lr.ParserConfig.wrap)
  are registered for this parser.
  */
  hasWrappers() {
    return this.wrappers.length > 0;
  }
  /**
  Returns the name associated with a given term. This will only
  work for all terms when the parser was generated with the
  `--names` option. By default, only the names of tagged terms are
  stored.
  */
  getName(term) {
    return this.termNames ? this.termNames[term] : String(term <= this.maxNode && this.nodeSet.types[term].name || term);
  }
  /**
  The eof term id is always allocated directly after the node
  types. @internal
  */
  get eofTerm() {
    return this.maxNode + 1;
  }
  /**
  The type of top node produced by the parser.
  */
  get topNode() {
    return this.nodeSet.types[this.top[1]];
  }
  /**
  @internal
  */
  dynamicPrecedence(term) {
    let prec = this.dynamicPrecedences;
    return prec == null ? 0 : prec[term] || 0;
  }
  /**
  @internal
  */
  parseDialect(dialect) {
    let values = Object.keys(this.dialects), flags = values.map(() => false);
    if (dialect)
      for (let part of dialect.split(" ")) {
        let id2 = values.indexOf(part);
        if (id2 >= 0)
          flags[id2] = true;
      }
    let disabled = null;
    for (let i = 0; i < values.length; i++)
      if (!flags[i]) {
        for (let j = this.dialects[values[i]], id2; (id2 = this.data[j++]) != 65535; )
          (disabled || (disabled = new Uint8Array(this.maxTerm + 1)))[id2] = 1;
      }
    return new Dialect(dialect, flags, disabled);
  }
  /**
  Used by the output of the parser generator. Not available to
  user code. @hide
  */
  static deserialize(spec) {
    return new _LRParser(spec);
  }
};
function pair(data, off) {
  return data[off] | data[off + 1] << 16;
}
function findFinished(stacks) {
  let best = null;
  for (let stack of stacks) {
    let stopped = stack.p.stoppedAt;
    if ((stack.pos == stack.p.stream.end || stopped != null && stack.pos > stopped) && stack.p.parser.stateFlag(
      stack.state,
      2
      /* StateFlag.Accepting */
    ) && (!best || best.score < stack.score))
      best = stack;
  }
  return best;
}
function getSpecializer(spec) {
  if (spec.external) {
    let mask = spec.extend ? 1 : 0;
    return (value, stack) => spec.external(value, stack) << 1 | mask;
  }
  return spec.get;
}

// node_modules/@lezer/highlight/dist/index.js
var nextTagID = 0;
var Tag = class _Tag {
  /**
  @internal
  */
  constructor(name2, set, base, modified) {
    this.name = name2;
    this.set = set;
    this.base = base;
    this.modified = modified;
    this.id = nextTagID++;
  }
  toString() {
    let { name: name2 } = this;
    for (let mod of this.modified)
      if (mod.name)
        name2 = `${mod.name}(${name2})`;
    return name2;
  }
  static define(nameOrParent, parent) {
    let name2 = typeof nameOrParent == "string" ? nameOrParent : "?";
    if (nameOrParent instanceof _Tag)
      parent = nameOrParent;
    if (parent === null || parent === void 0 ? void 0 : parent.base)
      throw new Error("Can not derive from a modified tag");
    let tag = new _Tag(name2, [], null, []);
    tag.set.push(tag);
    if (parent)
      for (let t2 of parent.set)
        tag.set.push(t2);
    return tag;
  }
  /**
  Define a tag _modifier_, which is a function that, given a tag,
  will return a tag that is a subtag of the original. Applying the
  same modifier to a twice tag will return the same value (`m1(t1)
  == m1(t1)`) and applying multiple modifiers will, regardless or
  order, produce the same tag (`m1(m2(t1)) == m2(m1(t1))`).
  
  When multiple modifiers are applied to a given base tag, each
  smaller set of modifiers is registered as a parent, so that for
  example `m1(m2(m3(t1)))` is a subtype of `m1(m2(t1))`,
  `m1(m3(t1)`, and so on.
  */
  static defineModifier(name2) {
    let mod = new Modifier(name2);
    return (tag) => {
      if (tag.modified.indexOf(mod) > -1)
        return tag;
      return Modifier.get(tag.base || tag, tag.modified.concat(mod).sort((a, b) => a.id - b.id));
    };
  }
};
var nextModifierID = 0;
var Modifier = class _Modifier {
  constructor(name2) {
    this.name = name2;
    this.instances = [];
    this.id = nextModifierID++;
  }
  static get(base, mods) {
    if (!mods.length)
      return base;
    let exists = mods[0].instances.find((t2) => t2.base == base && sameArray(mods, t2.modified));
    if (exists)
      return exists;
    let set = [], tag = new Tag(base.name, set, base, mods);
    for (let m of mods)
      m.instances.push(tag);
    let configs = powerSet(mods);
    for (let parent of base.set)
      if (!parent.modified.length)
        for (let config of configs)
          set.push(_Modifier.get(parent, config));
    return tag;
  }
};
function sameArray(a, b) {
  return a.length == b.length && a.every((x, i) => x == b[i]);
}
function powerSet(array) {
  let sets = [[]];
  for (let i = 0; i < array.length; i++) {
    for (let j = 0, e = sets.length; j < e; j++) {
      sets.push(sets[j].concat(array[i]));
    }
  }
  return sets.sort((a, b) => b.length - a.length);
}
function styleTags(spec) {
  let byName = /* @__PURE__ */ Object.create(null);
  for (let prop in spec) {
    let tags2 = spec[prop];
    if (!Array.isArray(tags2))
      tags2 = [tags2];
    for (let part of prop.split(" "))
      if (part) {
        let pieces = [], mode = 2, rest = part;
        for (let pos = 0; ; ) {
          if (rest == "..." && pos > 0 && pos + 3 == part.length) {
            mode = 1;
            break;
          }
          let m = /^"(?:[^"\\]|\\.)*?"|[^\/!]+/.exec(rest);
          if (!m)
            throw new RangeError("Invalid path: " + part);
          pieces.push(m[0] == "*" ? "" : m[0][0] == '"' ? JSON.parse(m[0]) : m[0]);
          pos += m[0].length;
          if (pos == part.length)
            break;
          let next = part[pos++];
          if (pos == part.length && next == "!") {
            mode = 0;
            break;
          }
          if (next != "/")
            throw new RangeError("Invalid path: " + part);
          rest = part.slice(pos);
        }
        let last = pieces.length - 1, inner = pieces[last];
        if (!inner)
          throw new RangeError("Invalid path: " + part);
        let rule = new Rule(tags2, mode, last > 0 ? pieces.slice(0, last) : null);
        byName[inner] = rule.sort(byName[inner]);
      }
  }
  return ruleNodeProp.add(byName);
}
var ruleNodeProp = new NodeProp({
  combine(a, b) {
    let cur, root, take;
    while (a || b) {
      if (!a || b && a.depth <= b.depth) {
        take = b;
        b = b.next;
      } else {
        take = a;
        a = a.next;
      }
      if (cur && cur.mode == take.mode && !take.context && !cur.context)
        continue;
      let copy = new Rule(take.tags, take.mode, take.context);
      if (cur)
        cur.next = copy;
      else
        root = copy;
      cur = copy;
    }
    return root;
  }
});
var Rule = class {
  constructor(tags2, mode, context, next) {
    this.tags = tags2;
    this.mode = mode;
    this.context = context;
    this.next = next;
  }
  get opaque() {
    return this.mode == 0;
  }
  get inherit() {
    return this.mode == 1;
  }
  sort(other) {
    if (!other || other.depth < this.depth) {
      this.next = other;
      return this;
    }
    other.next = this.sort(other.next);
    return other;
  }
  get depth() {
    return this.context ? this.context.length : 0;
  }
};
Rule.empty = new Rule([], 2, null);
function tagHighlighter(tags2, options) {
  let map = /* @__PURE__ */ Object.create(null);
  for (let style of tags2) {
    if (!Array.isArray(style.tag))
      map[style.tag.id] = style.class;
    else
      for (let tag of style.tag)
        map[tag.id] = style.class;
  }
  let { scope, all = null } = options || {};
  return {
    style: (tags3) => {
      let cls = all;
      for (let tag of tags3) {
        for (let sub of tag.set) {
          let tagClass = map[sub.id];
          if (tagClass) {
            cls = cls ? cls + " " + tagClass : tagClass;
            break;
          }
        }
      }
      return cls;
    },
    scope
  };
}
var t = Tag.define;
var comment = t();
var name = t();
var typeName = t(name);
var propertyName = t(name);
var literal = t();
var string = t(literal);
var number = t(literal);
var content = t();
var heading = t(content);
var keyword = t();
var operator = t();
var punctuation = t();
var bracket = t(punctuation);
var meta = t();
var tags = {
  /**
  A comment.
  */
  comment,
  /**
  A line [comment](#highlight.tags.comment).
  */
  lineComment: t(comment),
  /**
  A block [comment](#highlight.tags.comment).
  */
  blockComment: t(comment),
  /**
  A documentation [comment](#highlight.tags.comment).
  */
  docComment: t(comment),
  /**
  Any kind of identifier.
  */
  name,
  /**
  The [name](#highlight.tags.name) of a variable.
  */
  variableName: t(name),
  /**
  A type [name](#highlight.tags.name).
  */
  typeName,
  /**
  A tag name (subtag of [`typeName`](#highlight.tags.typeName)).
  */
  tagName: t(typeName),
  /**
  A property or field [name](#highlight.tags.name).
  */
  propertyName,
  /**
  An attribute name (subtag of [`propertyName`](#highlight.tags.propertyName)).
  */
  attributeName: t(propertyName),
  /**
  The [name](#highlight.tags.name) of a class.
  */
  className: t(name),
  /**
  A label [name](#highlight.tags.name).
  */
  labelName: t(name),
  /**
  A namespace [name](#highlight.tags.name).
  */
  namespace: t(name),
  /**
  The [name](#highlight.tags.name) of a macro.
  */
  macroName: t(name),
  /**
  A literal value.
  */
  literal,
  /**
  A string [literal](#highlight.tags.literal).
  */
  string,
  /**
  A documentation [string](#highlight.tags.string).
  */
  docString: t(string),
  /**
  A character literal (subtag of [string](#highlight.tags.string)).
  */
  character: t(string),
  /**
  An attribute value (subtag of [string](#highlight.tags.string)).
  */
  attributeValue: t(string),
  /**
  A number [literal](#highlight.tags.literal).
  */
  number,
  /**
  An integer [number](#highlight.tags.number) literal.
  */
  integer: t(number),
  /**
  A floating-point [number](#highlight.tags.number) literal.
  */
  float: t(number),
  /**
  A boolean [literal](#highlight.tags.literal).
  */
  bool: t(literal),
  /**
  Regular expression [literal](#highlight.tags.literal).
  */
  regexp: t(literal),
  /**
  An escape [literal](#highlight.tags.literal), for example a
  backslash escape in a string.
  */
  escape: t(literal),
  /**
  A color [literal](#highlight.tags.literal).
  */
  color: t(literal),
  /**
  A URL [literal](#highlight.tags.literal).
  */
  url: t(literal),
  /**
  A language keyword.
  */
  keyword,
  /**
  The [keyword](#highlight.tags.keyword) for the self or this
  object.
  */
  self: t(keyword),
  /**
  The [keyword](#highlight.tags.keyword) for null.
  */
  null: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) denoting some atomic value.
  */
  atom: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) that represents a unit.
  */
  unit: t(keyword),
  /**
  A modifier [keyword](#highlight.tags.keyword).
  */
  modifier: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) that acts as an operator.
  */
  operatorKeyword: t(keyword),
  /**
  A control-flow related [keyword](#highlight.tags.keyword).
  */
  controlKeyword: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) that defines something.
  */
  definitionKeyword: t(keyword),
  /**
  A [keyword](#highlight.tags.keyword) related to defining or
  interfacing with modules.
  */
  moduleKeyword: t(keyword),
  /**
  An operator.
  */
  operator,
  /**
  An [operator](#highlight.tags.operator) that dereferences something.
  */
  derefOperator: t(operator),
  /**
  Arithmetic-related [operator](#highlight.tags.operator).
  */
  arithmeticOperator: t(operator),
  /**
  Logical [operator](#highlight.tags.operator).
  */
  logicOperator: t(operator),
  /**
  Bit [operator](#highlight.tags.operator).
  */
  bitwiseOperator: t(operator),
  /**
  Comparison [operator](#highlight.tags.operator).
  */
  compareOperator: t(operator),
  /**
  [Operator](#highlight.tags.operator) that updates its operand.
  */
  updateOperator: t(operator),
  /**
  [Operator](#highlight.tags.operator) that defines something.
  */
  definitionOperator: t(operator),
  /**
  Type-related [operator](#highlight.tags.operator).
  */
  typeOperator: t(operator),
  /**
  Control-flow [operator](#highlight.tags.operator).
  */
  controlOperator: t(operator),
  /**
  Program or markup punctuation.
  */
  punctuation,
  /**
  [Punctuation](#highlight.tags.punctuation) that separates
  things.
  */
  separator: t(punctuation),
  /**
  Bracket-style [punctuation](#highlight.tags.punctuation).
  */
  bracket,
  /**
  Angle [brackets](#highlight.tags.bracket) (usually `<` and `>`
  tokens).
  */
  angleBracket: t(bracket),
  /**
  Square [brackets](#highlight.tags.bracket) (usually `[` and `]`
  tokens).
  */
  squareBracket: t(bracket),
  /**
  Parentheses (usually `(` and `)` tokens). Subtag of
  [bracket](#highlight.tags.bracket).
  */
  paren: t(bracket),
  /**
  Braces (usually `{` and `}` tokens). Subtag of
  [bracket](#highlight.tags.bracket).
  */
  brace: t(bracket),
  /**
  Content, for example plain text in XML or markup documents.
  */
  content,
  /**
  [Content](#highlight.tags.content) that represents a heading.
  */
  heading,
  /**
  A level 1 [heading](#highlight.tags.heading).
  */
  heading1: t(heading),
  /**
  A level 2 [heading](#highlight.tags.heading).
  */
  heading2: t(heading),
  /**
  A level 3 [heading](#highlight.tags.heading).
  */
  heading3: t(heading),
  /**
  A level 4 [heading](#highlight.tags.heading).
  */
  heading4: t(heading),
  /**
  A level 5 [heading](#highlight.tags.heading).
  */
  heading5: t(heading),
  /**
  A level 6 [heading](#highlight.tags.heading).
  */
  heading6: t(heading),
  /**
  A prose [content](#highlight.tags.content) separator (such as a horizontal rule).
  */
  contentSeparator: t(content),
  /**
  [Content](#highlight.tags.content) that represents a list.
  */
  list: t(content),
  /**
  [Content](#highlight.tags.content) that represents a quote.
  */
  quote: t(content),
  /**
  [Content](#highlight.tags.content) that is emphasized.
  */
  emphasis: t(content),
  /**
  [Content](#highlight.tags.content) that is styled strong.
  */
  strong: t(content),
  /**
  [Content](#highlight.tags.content) that is part of a link.
  */
  link: t(content),
  /**
  [Content](#highlight.tags.content) that is styled as code or
  monospace.
  */
  monospace: t(content),
  /**
  [Content](#highlight.tags.content) that has a strike-through
  style.
  */
  strikethrough: t(content),
  /**
  Inserted text in a change-tracking format.
  */
  inserted: t(),
  /**
  Deleted text.
  */
  deleted: t(),
  /**
  Changed text.
  */
  changed: t(),
  /**
  An invalid or unsyntactic element.
  */
  invalid: t(),
  /**
  Metadata or meta-instruction.
  */
  meta,
  /**
  [Metadata](#highlight.tags.meta) that applies to the entire
  document.
  */
  documentMeta: t(meta),
  /**
  [Metadata](#highlight.tags.meta) that annotates or adds
  attributes to a given syntactic element.
  */
  annotation: t(meta),
  /**
  Processing instruction or preprocessor directive. Subtag of
  [meta](#highlight.tags.meta).
  */
  processingInstruction: t(meta),
  /**
  [Modifier](#highlight.Tag^defineModifier) that indicates that a
  given element is being defined. Expected to be used with the
  various [name](#highlight.tags.name) tags.
  */
  definition: Tag.defineModifier("definition"),
  /**
  [Modifier](#highlight.Tag^defineModifier) that indicates that
  something is constant. Mostly expected to be used with
  [variable names](#highlight.tags.variableName).
  */
  constant: Tag.defineModifier("constant"),
  /**
  [Modifier](#highlight.Tag^defineModifier) used to indicate that
  a [variable](#highlight.tags.variableName) or [property
  name](#highlight.tags.propertyName) is being called or defined
  as a function.
  */
  function: Tag.defineModifier("function"),
  /**
  [Modifier](#highlight.Tag^defineModifier) that can be applied to
  [names](#highlight.tags.name) to indicate that they belong to
  the language's standard environment.
  */
  standard: Tag.defineModifier("standard"),
  /**
  [Modifier](#highlight.Tag^defineModifier) that indicates a given
  [names](#highlight.tags.name) is local to some scope.
  */
  local: Tag.defineModifier("local"),
  /**
  A generic variant [modifier](#highlight.Tag^defineModifier) that
  can be used to tag language-specific alternative variants of
  some common tag. It is recommended for themes to define special
  forms of at least the [string](#highlight.tags.string) and
  [variable name](#highlight.tags.variableName) tags, since those
  come up a lot.
  */
  special: Tag.defineModifier("special")
};
for (let name2 in tags) {
  let val = tags[name2];
  if (val instanceof Tag)
    val.name = name2;
}
var classHighlighter = tagHighlighter([
  { tag: tags.link, class: "tok-link" },
  { tag: tags.heading, class: "tok-heading" },
  { tag: tags.emphasis, class: "tok-emphasis" },
  { tag: tags.strong, class: "tok-strong" },
  { tag: tags.keyword, class: "tok-keyword" },
  { tag: tags.atom, class: "tok-atom" },
  { tag: tags.bool, class: "tok-bool" },
  { tag: tags.url, class: "tok-url" },
  { tag: tags.labelName, class: "tok-labelName" },
  { tag: tags.inserted, class: "tok-inserted" },
  { tag: tags.deleted, class: "tok-deleted" },
  { tag: tags.literal, class: "tok-literal" },
  { tag: tags.string, class: "tok-string" },
  { tag: tags.number, class: "tok-number" },
  { tag: [tags.regexp, tags.escape, tags.special(tags.string)], class: "tok-string2" },
  { tag: tags.variableName, class: "tok-variableName" },
  { tag: tags.local(tags.variableName), class: "tok-variableName tok-local" },
  { tag: tags.definition(tags.variableName), class: "tok-variableName tok-definition" },
  { tag: tags.special(tags.variableName), class: "tok-variableName2" },
  { tag: tags.definition(tags.propertyName), class: "tok-propertyName tok-definition" },
  { tag: tags.typeName, class: "tok-typeName" },
  { tag: tags.namespace, class: "tok-namespace" },
  { tag: tags.className, class: "tok-className" },
  { tag: tags.macroName, class: "tok-macroName" },
  { tag: tags.propertyName, class: "tok-propertyName" },
  { tag: tags.operator, class: "tok-operator" },
  { tag: tags.comment, class: "tok-comment" },
  { tag: tags.meta, class: "tok-meta" },
  { tag: tags.invalid, class: "tok-invalid" },
  { tag: tags.punctuation, class: "tok-punctuation" }
]);

// node_modules/@lezer/python/dist/index.js
var printKeyword = 1;
var indent = 194;
var dedent = 195;
var newline$1 = 196;
var blankLineStart = 197;
var newlineBracketed = 198;
var eof = 199;
var stringContent = 200;
var Escape = 2;
var replacementStart = 3;
var stringEnd = 201;
var ParenL = 24;
var ParenthesizedExpression = 25;
var TupleExpression = 49;
var ComprehensionExpression = 50;
var BracketL = 55;
var ArrayExpression = 56;
var ArrayComprehensionExpression = 57;
var BraceL = 59;
var DictionaryExpression = 60;
var DictionaryComprehensionExpression = 61;
var SetExpression = 62;
var SetComprehensionExpression = 63;
var ArgList = 65;
var subscript = 238;
var String$1 = 71;
var stringStart = 241;
var stringStartD = 242;
var stringStartL = 243;
var stringStartLD = 244;
var stringStartR = 245;
var stringStartRD = 246;
var stringStartRL = 247;
var stringStartRLD = 248;
var FormatString = 72;
var stringStartF = 249;
var stringStartFD = 250;
var stringStartFL = 251;
var stringStartFLD = 252;
var stringStartFR = 253;
var stringStartFRD = 254;
var stringStartFRL = 255;
var stringStartFRLD = 256;
var FormatReplacement = 73;
var nestedFormatReplacement = 77;
var importList = 263;
var TypeParamList = 112;
var ParamList = 130;
var SequencePattern = 151;
var MappingPattern = 152;
var PatternArgList = 155;
var newline = 10;
var carriageReturn = 13;
var space = 32;
var tab = 9;
var hash = 35;
var parenOpen = 40;
var dot = 46;
var braceOpen = 123;
var braceClose = 125;
var singleQuote = 39;
var doubleQuote = 34;
var backslash = 92;
var letter_o = 111;
var letter_x = 120;
var letter_N = 78;
var letter_u = 117;
var letter_U = 85;
var bracketed = /* @__PURE__ */ new Set([
  ParenthesizedExpression,
  TupleExpression,
  ComprehensionExpression,
  importList,
  ArgList,
  ParamList,
  ArrayExpression,
  ArrayComprehensionExpression,
  subscript,
  SetExpression,
  SetComprehensionExpression,
  FormatString,
  FormatReplacement,
  nestedFormatReplacement,
  DictionaryExpression,
  DictionaryComprehensionExpression,
  SequencePattern,
  MappingPattern,
  PatternArgList,
  TypeParamList
]);
function isLineBreak(ch) {
  return ch == newline || ch == carriageReturn;
}
function isHex(ch) {
  return ch >= 48 && ch <= 57 || ch >= 65 && ch <= 70 || ch >= 97 && ch <= 102;
}
var newlines = new ExternalTokenizer((input, stack) => {
  let prev;
  if (input.next < 0) {
    input.acceptToken(eof);
  } else if (stack.context.flags & cx_Bracketed) {
    if (isLineBreak(input.next)) input.acceptToken(newlineBracketed, 1);
  } else if (((prev = input.peek(-1)) < 0 || isLineBreak(prev)) && stack.canShift(blankLineStart)) {
    let spaces = 0;
    while (input.next == space || input.next == tab) {
      input.advance();
      spaces++;
    }
    if (input.next == newline || input.next == carriageReturn || input.next == hash)
      input.acceptToken(blankLineStart, -spaces);
  } else if (isLineBreak(input.next)) {
    input.acceptToken(newline$1, 1);
  }
}, { contextual: true });
var indentation = new ExternalTokenizer((input, stack) => {
  let context = stack.context;
  if (context.flags) return;
  let prev = input.peek(-1);
  if (prev == newline || prev == carriageReturn) {
    let depth = 0, chars = 0;
    for (; ; ) {
      if (input.next == space) depth++;
      else if (input.next == tab) depth += 8 - depth % 8;
      else break;
      input.advance();
      chars++;
    }
    if (depth != context.indent && input.next != newline && input.next != carriageReturn && input.next != hash) {
      if (depth < context.indent) input.acceptToken(dedent, -chars);
      else input.acceptToken(indent);
    }
  }
});
var cx_Bracketed = 1;
var cx_String = 2;
var cx_DoubleQuote = 4;
var cx_Long = 8;
var cx_Raw = 16;
var cx_Format = 32;
function Context(parent, indent2, flags) {
  this.parent = parent;
  this.indent = indent2;
  this.flags = flags;
  this.hash = (parent ? parent.hash + parent.hash << 8 : 0) + indent2 + (indent2 << 4) + flags + (flags << 6);
}
var topIndent = new Context(null, 0, 0);
function countIndent(space2) {
  let depth = 0;
  for (let i = 0; i < space2.length; i++)
    depth += space2.charCodeAt(i) == tab ? 8 - depth % 8 : 1;
  return depth;
}
var stringFlags = new Map([
  [stringStart, 0],
  [stringStartD, cx_DoubleQuote],
  [stringStartL, cx_Long],
  [stringStartLD, cx_Long | cx_DoubleQuote],
  [stringStartR, cx_Raw],
  [stringStartRD, cx_Raw | cx_DoubleQuote],
  [stringStartRL, cx_Raw | cx_Long],
  [stringStartRLD, cx_Raw | cx_Long | cx_DoubleQuote],
  [stringStartF, cx_Format],
  [stringStartFD, cx_Format | cx_DoubleQuote],
  [stringStartFL, cx_Format | cx_Long],
  [stringStartFLD, cx_Format | cx_Long | cx_DoubleQuote],
  [stringStartFR, cx_Format | cx_Raw],
  [stringStartFRD, cx_Format | cx_Raw | cx_DoubleQuote],
  [stringStartFRL, cx_Format | cx_Raw | cx_Long],
  [stringStartFRLD, cx_Format | cx_Raw | cx_Long | cx_DoubleQuote]
].map(([term, flags]) => [term, flags | cx_String]));
var trackIndent = new ContextTracker({
  start: topIndent,
  reduce(context, term, _, input) {
    if (context.flags & cx_Bracketed && bracketed.has(term) || (term == String$1 || term == FormatString) && context.flags & cx_String)
      return context.parent;
    return context;
  },
  shift(context, term, stack, input) {
    if (term == indent)
      return new Context(context, countIndent(input.read(input.pos, stack.pos)), 0);
    if (term == dedent)
      return context.parent;
    if (term == ParenL || term == BracketL || term == BraceL || term == replacementStart)
      return new Context(context, 0, cx_Bracketed);
    if (stringFlags.has(term))
      return new Context(context, 0, stringFlags.get(term) | context.flags & cx_Bracketed);
    return context;
  },
  hash(context) {
    return context.hash;
  }
});
var legacyPrint = new ExternalTokenizer((input) => {
  for (let i = 0; i < 5; i++) {
    if (input.next != "print".charCodeAt(i)) return;
    input.advance();
  }
  if (/\w/.test(String.fromCharCode(input.next))) return;
  for (let off = 0; ; off++) {
    let next = input.peek(off);
    if (next == space || next == tab) continue;
    if (next != parenOpen && next != dot && next != newline && next != carriageReturn && next != hash)
      input.acceptToken(printKeyword);
    return;
  }
});
var strings = new ExternalTokenizer((input, stack) => {
  let { flags } = stack.context;
  let quote = flags & cx_DoubleQuote ? doubleQuote : singleQuote;
  let long = (flags & cx_Long) > 0;
  let escapes = !(flags & cx_Raw);
  let format = (flags & cx_Format) > 0;
  let start = input.pos;
  for (; ; ) {
    if (input.next < 0) {
      break;
    } else if (format && input.next == braceOpen) {
      if (input.peek(1) == braceOpen) {
        input.advance(2);
      } else {
        if (input.pos == start) {
          input.acceptToken(replacementStart, 1);
          return;
        }
        break;
      }
    } else if (escapes && input.next == backslash) {
      if (input.pos == start) {
        input.advance();
        let escaped = input.next;
        if (escaped >= 0) {
          input.advance();
          skipEscape(input, escaped);
        }
        input.acceptToken(Escape);
        return;
      }
      break;
    } else if (input.next == backslash && !escapes && input.peek(1) > -1) {
      input.advance(2);
    } else if (input.next == quote && (!long || input.peek(1) == quote && input.peek(2) == quote)) {
      if (input.pos == start) {
        input.acceptToken(stringEnd, long ? 3 : 1);
        return;
      }
      break;
    } else if (input.next == newline) {
      if (long) {
        input.advance();
      } else if (input.pos == start) {
        input.acceptToken(stringEnd);
        return;
      }
      break;
    } else {
      input.advance();
    }
  }
  if (input.pos > start) input.acceptToken(stringContent);
});
function skipEscape(input, ch) {
  if (ch == letter_o) {
    for (let i = 0; i < 2 && input.next >= 48 && input.next <= 55; i++) input.advance();
  } else if (ch == letter_x) {
    for (let i = 0; i < 2 && isHex(input.next); i++) input.advance();
  } else if (ch == letter_u) {
    for (let i = 0; i < 4 && isHex(input.next); i++) input.advance();
  } else if (ch == letter_U) {
    for (let i = 0; i < 8 && isHex(input.next); i++) input.advance();
  } else if (ch == letter_N) {
    if (input.next == braceOpen) {
      input.advance();
      while (input.next >= 0 && input.next != braceClose && input.next != singleQuote && input.next != doubleQuote && input.next != newline) input.advance();
      if (input.next == braceClose) input.advance();
    }
  }
}
var pythonHighlighting = styleTags({
  'async "*" "**" FormatConversion FormatSpec': tags.modifier,
  "for while if elif else try except finally return raise break continue with pass assert await yield match case": tags.controlKeyword,
  "in not and or is del": tags.operatorKeyword,
  "from def class global nonlocal lambda": tags.definitionKeyword,
  import: tags.moduleKeyword,
  "with as print": tags.keyword,
  Boolean: tags.bool,
  None: tags.null,
  VariableName: tags.variableName,
  "CallExpression/VariableName": tags.function(tags.variableName),
  "FunctionDefinition/VariableName": tags.function(tags.definition(tags.variableName)),
  "ClassDefinition/VariableName": tags.definition(tags.className),
  PropertyName: tags.propertyName,
  "CallExpression/MemberExpression/PropertyName": tags.function(tags.propertyName),
  Comment: tags.lineComment,
  Number: tags.number,
  String: tags.string,
  FormatString: tags.special(tags.string),
  Escape: tags.escape,
  UpdateOp: tags.updateOperator,
  "ArithOp!": tags.arithmeticOperator,
  BitOp: tags.bitwiseOperator,
  CompareOp: tags.compareOperator,
  AssignOp: tags.definitionOperator,
  Ellipsis: tags.punctuation,
  At: tags.meta,
  "( )": tags.paren,
  "[ ]": tags.squareBracket,
  "{ }": tags.brace,
  ".": tags.derefOperator,
  ", ;": tags.separator
});
var spec_identifier = { __proto__: null, await: 44, or: 54, and: 56, in: 60, not: 62, is: 64, if: 70, else: 72, lambda: 76, yield: 94, from: 96, async: 102, for: 104, None: 162, True: 164, False: 164, del: 178, pass: 182, break: 186, continue: 190, return: 194, raise: 202, import: 206, as: 208, global: 212, nonlocal: 214, assert: 218, type: 223, elif: 236, while: 240, try: 246, except: 248, finally: 250, with: 254, def: 258, class: 268, match: 279, case: 285 };
var parser = LRParser.deserialize({
  version: 14,
  states: "##jQ`QeOOP$}OSOOO&WQtO'#HUOOQS'#Co'#CoOOQS'#Cp'#CpO'vQdO'#CnO*UQtO'#HTOOQS'#HU'#HUOOQS'#DU'#DUOOQS'#HT'#HTO*rQdO'#D_O+VQdO'#DfO+gQdO'#DjO+zOWO'#DuO,VOWO'#DvO.[QtO'#GuOOQS'#Gu'#GuO'vQdO'#GtO0ZQtO'#GtOOQS'#Eb'#EbO0rQdO'#EcOOQS'#Gs'#GsO0|QdO'#GrOOQV'#Gr'#GrO1XQdO'#FYOOQS'#G^'#G^O1^QdO'#FXOOQV'#IS'#ISOOQV'#Gq'#GqOOQV'#Fq'#FqQ`QeOOO'vQdO'#CqO1lQdO'#C}O1sQdO'#DRO2RQdO'#HYO2cQtO'#EVO'vQdO'#EWOOQS'#EY'#EYOOQS'#E['#E[OOQS'#E^'#E^O2wQdO'#E`O3_QdO'#EdO3rQdO'#EfO3zQtO'#EfO1XQdO'#EiO0rQdO'#ElO1XQdO'#EnO0rQdO'#EtO0rQdO'#EwO4VQdO'#EyO4^QdO'#FOO4iQdO'#EzO0rQdO'#FOO1XQdO'#FQO1XQdO'#FVO4nQdO'#F[P4uOdO'#GpPOOO)CBd)CBdOOQS'#Ce'#CeOOQS'#Cf'#CfOOQS'#Cg'#CgOOQS'#Ch'#ChOOQS'#Ci'#CiOOQS'#Cj'#CjOOQS'#Cl'#ClO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO'vQdO,59OO5TQdO'#DoOOQS,5:Y,5:YO5hQdO'#HdOOQS,5:],5:]O5uQ!fO,5:]O5zQtO,59YO1lQdO,59bO1lQdO,59bO1lQdO,59bO8jQdO,59bO8oQdO,59bO8vQdO,59jO8}QdO'#HTO:TQdO'#HSOOQS'#HS'#HSOOQS'#D['#D[O:lQdO,59aO'vQdO,59aO:zQdO,59aOOQS,59y,59yO;PQdO,5:RO'vQdO,5:ROOQS,5:Q,5:QO;_QdO,5:QO;dQdO,5:XO'vQdO,5:XO'vQdO,5:VOOQS,5:U,5:UO;uQdO,5:UO;zQdO,5:WOOOW'#Fy'#FyO<POWO,5:aOOQS,5:a,5:aO<[QdO'#HwOOOW'#Dw'#DwOOOW'#Fz'#FzO<lOWO,5:bOOQS,5:b,5:bOOQS'#F}'#F}O<zQtO,5:iO?lQtO,5=`O@VQ#xO,5=`O@vQtO,5=`OOQS,5:},5:}OA_QeO'#GWOBqQdO,5;^OOQV,5=^,5=^OB|QtO'#IPOCkQdO,5;tOOQS-E:[-E:[OOQV,5;s,5;sO4dQdO'#FQOOQV-E9o-E9oOCsQtO,59]OEzQtO,59iOFeQdO'#HVOFpQdO'#HVO1XQdO'#HVOF{QdO'#DTOGTQdO,59mOGYQdO'#HZO'vQdO'#HZO0rQdO,5=tOOQS,5=t,5=tO0rQdO'#EROOQS'#ES'#ESOGwQdO'#GPOHXQdO,58|OHXQdO,58|O*xQdO,5:oOHgQtO'#H]OOQS,5:r,5:rOOQS,5:z,5:zOHzQdO,5;OOI]QdO'#IOO1XQdO'#H}OOQS,5;Q,5;QOOQS'#GT'#GTOIqQtO,5;QOJPQdO,5;QOJUQdO'#IQOOQS,5;T,5;TOJdQdO'#H|OOQS,5;W,5;WOJuQdO,5;YO4iQdO,5;`O4iQdO,5;cOJ}QtO'#ITO'vQdO'#ITOKXQdO,5;eO4VQdO,5;eO0rQdO,5;jO1XQdO,5;lOK^QeO'#EuOLjQgO,5;fO!!kQdO'#IUO4iQdO,5;jO!!vQdO,5;lO!#OQdO,5;qO!#ZQtO,5;vO'vQdO,5;vPOOO,5=[,5=[P!#bOSO,5=[P!#jOdO,5=[O!&bQtO1G.jO!&iQtO1G.jO!)YQtO1G.jO!)dQtO1G.jO!+}QtO1G.jO!,bQtO1G.jO!,uQdO'#HcO!-TQtO'#GuO0rQdO'#HcO!-_QdO'#HbOOQS,5:Z,5:ZO!-gQdO,5:ZO!-lQdO'#HeO!-wQdO'#HeO!.[QdO,5>OOOQS'#Ds'#DsOOQS1G/w1G/wOOQS1G.|1G.|O!/[QtO1G.|O!/cQtO1G.|O1lQdO1G.|O!0OQdO1G/UOOQS'#DZ'#DZO0rQdO,59tOOQS1G.{1G.{O!0VQdO1G/eO!0gQdO1G/eO!0oQdO1G/fO'vQdO'#H[O!0tQdO'#H[O!0yQtO1G.{O!1ZQdO,59iO!2aQdO,5=zO!2qQdO,5=zO!2yQdO1G/mO!3OQtO1G/mOOQS1G/l1G/lO!3`QdO,5=uO!4VQdO,5=uO0rQdO1G/qO!4tQdO1G/sO!4yQtO1G/sO!5ZQtO1G/qOOQS1G/p1G/pOOQS1G/r1G/rOOOW-E9w-E9wOOQS1G/{1G/{O!5kQdO'#HxO0rQdO'#HxO!5|QdO,5>cOOOW-E9x-E9xOOQS1G/|1G/|OOQS-E9{-E9{O!6[Q#xO1G2zO!6{QtO1G2zO'vQdO,5<jOOQS,5<j,5<jOOQS-E9|-E9|OOQS,5<r,5<rOOQS-E:U-E:UOOQV1G0x1G0xO1XQdO'#GRO!7dQtO,5>kOOQS1G1`1G1`O!8RQdO1G1`OOQS'#DV'#DVO0rQdO,5=qOOQS,5=q,5=qO!8WQdO'#FrO!8cQdO,59oO!8kQdO1G/XO!8uQtO,5=uOOQS1G3`1G3`OOQS,5:m,5:mO!9fQdO'#GtOOQS,5<k,5<kOOQS-E9}-E9}O!9wQdO1G.hOOQS1G0Z1G0ZO!:VQdO,5=wO!:gQdO,5=wO0rQdO1G0jO0rQdO1G0jO!:xQdO,5>jO!;ZQdO,5>jO1XQdO,5>jO!;lQdO,5>iOOQS-E:R-E:RO!;qQdO1G0lO!;|QdO1G0lO!<RQdO,5>lO!<aQdO,5>lO!<oQdO,5>hO!=VQdO,5>hO!=hQdO'#EpO0rQdO1G0tO!=sQdO1G0tO!=xQgO1G0zO!AvQgO1G0}O!EqQdO,5>oO!E{QdO,5>oO!FTQtO,5>oO0rQdO1G1PO!F_QdO1G1PO4iQdO1G1UO!!vQdO1G1WOOQV,5;a,5;aO!FdQfO,5;aO!FiQgO1G1QO!JjQdO'#GZO4iQdO1G1QO4iQdO1G1QO!JzQdO,5>pO!KXQdO,5>pO1XQdO,5>pOOQV1G1U1G1UO!KaQdO'#FSO!KrQ!fO1G1WO!KzQdO1G1WOOQV1G1]1G1]O4iQdO1G1]O!LPQdO1G1]O!LXQdO'#F^OOQV1G1b1G1bO!#ZQtO1G1bPOOO1G2v1G2vP!L^OSO1G2vOOQS,5=},5=}OOQS'#Dp'#DpO0rQdO,5=}O!LfQdO,5=|O!LyQdO,5=|OOQS1G/u1G/uO!MRQdO,5>PO!McQdO,5>PO!MkQdO,5>PO!NOQdO,5>PO!N`QdO,5>POOQS1G3j1G3jOOQS7+$h7+$hO!8kQdO7+$pO#!RQdO1G.|O#!YQdO1G.|OOQS1G/`1G/`OOQS,5<`,5<`O'vQdO,5<`OOQS7+%P7+%PO#!aQdO7+%POOQS-E9r-E9rOOQS7+%Q7+%QO#!qQdO,5=vO'vQdO,5=vOOQS7+$g7+$gO#!vQdO7+%PO##OQdO7+%QO##TQdO1G3fOOQS7+%X7+%XO##eQdO1G3fO##mQdO7+%XOOQS,5<_,5<_O'vQdO,5<_O##rQdO1G3aOOQS-E9q-E9qO#$iQdO7+%]OOQS7+%_7+%_O#$wQdO1G3aO#%fQdO7+%_O#%kQdO1G3gO#%{QdO1G3gO#&TQdO7+%]O#&YQdO,5>dO#&sQdO,5>dO#&sQdO,5>dOOQS'#Dx'#DxO#'UO&jO'#DzO#'aO`O'#HyOOOW1G3}1G3}O#'fQdO1G3}O#'nQdO1G3}O#'yQ#xO7+(fO#(jQtO1G2UP#)TQdO'#GOOOQS,5<m,5<mOOQS-E:P-E:POOQS7+&z7+&zOOQS1G3]1G3]OOQS,5<^,5<^OOQS-E9p-E9pOOQS7+$s7+$sO#)bQdO,5=`O#){QdO,5=`O#*^QtO,5<aO#*qQdO1G3cOOQS-E9s-E9sOOQS7+&U7+&UO#+RQdO7+&UO#+aQdO,5<nO#+uQdO1G4UOOQS-E:Q-E:QO#,WQdO1G4UOOQS1G4T1G4TOOQS7+&W7+&WO#,iQdO7+&WOOQS,5<p,5<pO#,tQdO1G4WOOQS-E:S-E:SOOQS,5<l,5<lO#-SQdO1G4SOOQS-E:O-E:OO1XQdO'#EqO#-jQdO'#EqO#-uQdO'#IRO#-}QdO,5;[OOQS7+&`7+&`O0rQdO7+&`O#.SQgO7+&fO!JmQdO'#GXO4iQdO7+&fO4iQdO7+&iO#2QQtO,5<tO'vQdO,5<tO#2[QdO1G4ZOOQS-E:W-E:WO#2fQdO1G4ZO4iQdO7+&kO0rQdO7+&kOOQV7+&p7+&pO!KrQ!fO7+&rO!KzQdO7+&rO`QeO1G0{OOQV-E:X-E:XO4iQdO7+&lO4iQdO7+&lOOQV,5<u,5<uO#2nQdO,5<uO!JmQdO,5<uOOQV7+&l7+&lO#2yQgO7+&lO#6tQdO,5<vO#7PQdO1G4[OOQS-E:Y-E:YO#7^QdO1G4[O#7fQdO'#IWO#7tQdO'#IWO1XQdO'#IWOOQS'#IW'#IWO#8PQdO'#IVOOQS,5;n,5;nO#8XQdO,5;nO0rQdO'#FUOOQV7+&r7+&rO4iQdO7+&rOOQV7+&w7+&wO4iQdO7+&wO#8^QfO,5;xOOQV7+&|7+&|POOO7+(b7+(bO#8cQdO1G3iOOQS,5<c,5<cO#8qQdO1G3hOOQS-E9u-E9uO#9UQdO,5<dO#9aQdO,5<dO#9tQdO1G3kOOQS-E9v-E9vO#:UQdO1G3kO#:^QdO1G3kO#:nQdO1G3kO#:UQdO1G3kOOQS<<H[<<H[O#:yQtO1G1zOOQS<<Hk<<HkP#;WQdO'#FtO8vQdO1G3bO#;eQdO1G3bO#;jQdO<<HkOOQS<<Hl<<HlO#;zQdO7+)QOOQS<<Hs<<HsO#<[QtO1G1yP#<{QdO'#FsO#=YQdO7+)RO#=jQdO7+)RO#=rQdO<<HwO#=wQdO7+({OOQS<<Hy<<HyO#>nQdO,5<bO'vQdO,5<bOOQS-E9t-E9tOOQS<<Hw<<HwOOQS,5<g,5<gO0rQdO,5<gO#>sQdO1G4OOOQS-E9y-E9yO#?^QdO1G4OO<[QdO'#H{OOOO'#D{'#D{OOOO'#F|'#F|O#?oO&jO,5:fOOOW,5>e,5>eOOOW7+)i7+)iO#?zQdO7+)iO#@SQdO1G2zO#@mQdO1G2zP'vQdO'#FuO0rQdO<<IpO1XQdO1G2YP1XQdO'#GSO#AOQdO7+)pO#AaQdO7+)pOOQS<<Ir<<IrP1XQdO'#GUP0rQdO'#GQOOQS,5;],5;]O#ArQdO,5>mO#BQQdO,5>mOOQS1G0v1G0vOOQS<<Iz<<IzOOQV-E:V-E:VO4iQdO<<JQOOQV,5<s,5<sO4iQdO,5<sOOQV<<JQ<<JQOOQV<<JT<<JTO#BYQtO1G2`P#BdQdO'#GYO#BkQdO7+)uO#BuQgO<<JVO4iQdO<<JVOOQV<<J^<<J^O4iQdO<<J^O!KrQ!fO<<J^O#FpQgO7+&gOOQV<<JW<<JWO#FzQgO<<JWOOQV1G2a1G2aO1XQdO1G2aO#JuQdO1G2aO4iQdO<<JWO1XQdO1G2bP0rQdO'#G[O#KQQdO7+)vO#K_QdO7+)vOOQS'#FT'#FTO0rQdO,5>rO#KgQdO,5>rO#KrQdO,5>rO#K}QdO,5>qO#L`QdO,5>qOOQS1G1Y1G1YOOQS,5;p,5;pOOQV<<Jc<<JcO#LhQdO1G1dOOQS7+)T7+)TP#LmQdO'#FwO#L}QdO1G2OO#MbQdO1G2OO#MrQdO1G2OP#M}QdO'#FxO#N[QdO7+)VO#NlQdO7+)VO#NlQdO7+)VO#NtQdO7+)VO$ UQdO7+(|O8vQdO7+(|OOQSAN>VAN>VO$ oQdO<<LmOOQSAN>cAN>cO0rQdO1G1|O$!PQtO1G1|P$!ZQdO'#FvOOQS1G2R1G2RP$!hQdO'#F{O$!uQdO7+)jO$#`QdO,5>gOOOO-E9z-E9zOOOW<<MT<<MTO$#nQdO7+(fOOQSAN?[AN?[OOQS7+'t7+'tO$$XQdO<<M[OOQS,5<q,5<qO$$jQdO1G4XOOQS-E:T-E:TOOQVAN?lAN?lOOQV1G2_1G2_O4iQdOAN?qO$$xQgOAN?qOOQVAN?xAN?xO4iQdOAN?xOOQV<<JR<<JRO4iQdOAN?rO4iQdO7+'{OOQV7+'{7+'{O1XQdO7+'{OOQVAN?rAN?rOOQS7+'|7+'|O$(sQdO<<MbOOQS1G4^1G4^O0rQdO1G4^OOQS,5<w,5<wO$)QQdO1G4]OOQS-E:Z-E:ZOOQU'#G_'#G_O$)cQfO7+'OO$)nQdO'#F_O$*uQdO7+'jO$+VQdO7+'jOOQS7+'j7+'jO$+bQdO<<LqO$+rQdO<<LqO$+rQdO<<LqO$+zQdO'#H^OOQS<<Lh<<LhO$,UQdO<<LhOOQS7+'h7+'hOOQS'#D|'#D|OOOO1G4R1G4RO$,oQdO1G4RO$,wQdO1G4RP!=hQdO'#GVOOQVG25]G25]O4iQdOG25]OOQVG25dG25dOOQVG25^G25^OOQV<<Kg<<KgO4iQdO<<KgOOQS7+)x7+)xP$-SQdO'#G]OOQU-E:]-E:]OOQV<<Jj<<JjO$-vQtO'#FaOOQS'#Fc'#FcO$.WQdO'#FbO$.xQdO'#FbOOQS'#Fb'#FbO$.}QdO'#IYO$)nQdO'#FiO$)nQdO'#FiO$/fQdO'#FjO$)nQdO'#FkO$/mQdO'#IZOOQS'#IZ'#IZO$0[QdO,5;yOOQS<<KU<<KUO$0dQdO<<KUO$0tQdOANB]O$1UQdOANB]O$1^QdO'#H_OOQS'#H_'#H_O1sQdO'#DcO$1wQdO,5=xOOQSANBSANBSOOOO7+)m7+)mO$2`QdO7+)mOOQVLD*wLD*wOOQVANARANARO5uQ!fO'#GaO$2hQtO,5<SO$)nQdO'#FmOOQS,5<W,5<WOOQS'#Fd'#FdO$3YQdO,5;|O$3_QdO,5;|OOQS'#Fg'#FgO$)nQdO'#G`O$4PQdO,5<QO$4kQdO,5>tO$4{QdO,5>tO1XQdO,5<PO$5^QdO,5<TO$5cQdO,5<TO$)nQdO'#I[O$5hQdO'#I[O$5mQdO,5<UOOQS,5<V,5<VO0rQdO'#FpOOQU1G1e1G1eO4iQdO1G1eOOQSAN@pAN@pO$5rQdOG27wO$6SQdO,59}OOQS1G3d1G3dOOOO<<MX<<MXOOQS,5<{,5<{OOQS-E:_-E:_O$6XQtO'#FaO$6`QdO'#I]O$6nQdO'#I]O$6vQdO,5<XOOQS1G1h1G1hO$6{QdO1G1hO$7QQdO,5<zOOQS-E:^-E:^O$7lQdO,5=OO$8TQdO1G4`OOQS-E:b-E:bOOQS1G1k1G1kOOQS1G1o1G1oO$8eQdO,5>vO$)nQdO,5>vOOQS1G1p1G1pOOQS,5<[,5<[OOQU7+'P7+'PO$+zQdO1G/iO$)nQdO,5<YO$8sQdO,5>wO$8zQdO,5>wOOQS1G1s1G1sOOQS7+'S7+'SP$)nQdO'#GdO$9SQdO1G4bO$9^QdO1G4bO$9fQdO1G4bOOQS7+%T7+%TO$9tQdO1G1tO$:SQtO'#FaO$:ZQdO,5<}OOQS,5<},5<}O$:iQdO1G4cOOQS-E:a-E:aO$)nQdO,5<|O$:pQdO,5<|O$:uQdO7+)|OOQS-E:`-E:`O$;PQdO7+)|O$)nQdO,5<ZP$)nQdO'#GcO$;XQdO1G2hO$)nQdO1G2hP$;gQdO'#GbO$;nQdO<<MhO$;xQdO1G1uO$<WQdO7+(SO8vQdO'#C}O8vQdO,59bO8vQdO,59bO8vQdO,59bO$<fQtO,5=`O8vQdO1G.|O0rQdO1G/XO0rQdO7+$pP$<yQdO'#GOO'vQdO'#GtO$=WQdO,59bO$=]QdO,59bO$=dQdO,59mO$=iQdO1G/UO1sQdO'#DRO8vQdO,59j",
  stateData: "$>S~O%cOS%^OSSOS%]PQ~OPdOVaOfoOhYOopOs!POvqO!PrO!Q{O!T!SO!U!RO!XZO!][O!h`O!r`O!s`O!t`O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO#l!QO#o!TO#s!UO#u!VO#z!WO#}hO$P!XO%oRO%pRO%tSO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O~O%]!YO~OV!aO_!aOa!bOh!iO!X!kO!f!mO%j![O%k!]O%l!^O%m!_O%n!_O%o!`O%p!`O%q!aO%r!aO%s!aO~Ok%xXl%xXm%xXn%xXo%xXp%xXs%xXz%xX{%xX!x%xX#g%xX%[%xX%_%xX%z%xXg%xX!T%xX!U%xX%{%xX!W%xX![%xX!Q%xX#[%xXt%xX!m%xX~P%SOfoOhYO!XZO!][O!h`O!r`O!s`O!t`O%oRO%pRO%tSO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O~Oz%wX{%wX#g%wX%[%wX%_%wX%z%wX~Ok!pOl!qOm!oOn!oOo!rOp!sOs!tO!x%wX~P)pOV!zOg!|Oo0cOv0qO!PrO~P'vOV#OOo0cOv0qO!W#PO~P'vOV#SOa#TOo0cOv0qO![#UO~P'vOQ#XO%`#XO%a#ZO~OQ#^OR#[O%`#^O%a#`O~OV%iX_%iXa%iXh%iXk%iXl%iXm%iXn%iXo%iXp%iXs%iXz%iX!X%iX!f%iX%j%iX%k%iX%l%iX%m%iX%n%iX%o%iX%p%iX%q%iX%r%iX%s%iXg%iX!T%iX!U%iX~O&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O&c^O&d^O&e^O&f^O&g^O&h^O&i^O&j^O{%iX!x%iX#g%iX%[%iX%_%iX%z%iX%{%iX!W%iX![%iX!Q%iX#[%iXt%iX!m%iX~P,eOz#dO{%hX!x%hX#g%hX%[%hX%_%hX%z%hX~Oo0cOv0qO~P'vO#g#gO%[#iO%_#iO~O%uWO~O!T#nO#u!VO#z!WO#}hO~OopO~P'vOV#sOa#tO%uWO{wP~OV#xOo0cOv0qO!Q#yO~P'vO{#{O!x$QO%z#|O#g!yX%[!yX%_!yX~OV#xOo0cOv0qO#g#SX%[#SX%_#SX~P'vOo0cOv0qO#g#WX%[#WX%_#WX~P'vOh$WO%uWO~O!f$YO!r$YO%uWO~OV$eO~P'vO!U$gO#s$hO#u$iO~O{$jO~OV$qO~P'vOS$sO%[$rO%_$rO%c$tO~OV$}Oa$}Og%POo0cOv0qO~P'vOo0cOv0qO{%SO~P'vO&Y%UO~Oa!bOh!iO!X!kO!f!mOVba_bakbalbambanbaobapbasbazba{ba!xba#gba%[ba%_ba%jba%kba%lba%mba%nba%oba%pba%qba%rba%sba%zbagba!Tba!Uba%{ba!Wba![ba!Qba#[batba!mba~On%ZO~Oo%ZO~P'vOo0cO~P'vOk0eOl0fOm0dOn0dOo0mOp0nOs0rOg%wX!T%wX!U%wX%{%wX!W%wX![%wX!Q%wX#[%wX!m%wX~P)pO%{%]Og%vXz%vX!T%vX!U%vX!W%vX{%vX~Og%_Oz%`O!T%dO!U%cO~Og%_O~Oz%gO!T%dO!U%cO!W&SX~O!W%kO~Oz%lO{%nO!T%dO!U%cO![%}X~O![%rO~O![%sO~OQ#XO%`#XO%a%uO~OV%wOo0cOv0qO!PrO~P'vOQ#^OR#[O%`#^O%a%zO~OV!qa_!qaa!qah!qak!qal!qam!qan!qao!qap!qas!qaz!qa{!qa!X!qa!f!qa!x!qa#g!qa%[!qa%_!qa%j!qa%k!qa%l!qa%m!qa%n!qa%o!qa%p!qa%q!qa%r!qa%s!qa%z!qag!qa!T!qa!U!qa%{!qa!W!qa![!qa!Q!qa#[!qat!qa!m!qa~P#yOz%|O{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~P%SOV&OOopOvqO{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~P'vOz%|O{%ha!x%ha#g%ha%[%ha%_%ha%z%ha~OPdOVaOopOvqO!PrO!Q{O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO#g$zX%[$zX%_$zX~P'vO#g#gO%[&TO%_&TO~O!f&UOh&sX%[&sXz&sX#[&sX#g&sX%_&sX#Z&sXg&sX~Oh!iO%[&WO~Okealeameaneaoeapeaseazea{ea!xea#gea%[ea%_ea%zeagea!Tea!Uea%{ea!Wea![ea!Qea#[eatea!mea~P%SOsqazqa{qa#gqa%[qa%_qa%zqa~Ok!pOl!qOm!oOn!oOo!rOp!sO!xqa~PEcO%z&YOz%yX{%yX~O%uWOz%yX{%yX~Oz&]O{wX~O{&_O~Oz%lO#g%}X%[%}X%_%}Xg%}X{%}X![%}X!m%}X%z%}X~OV0lOo0cOv0qO!PrO~P'vO%z#|O#gUa%[Ua%_Ua~Oz&hO#g&PX%[&PX%_&PXn&PX~P%SOz&kO!Q&jO#g#Wa%[#Wa%_#Wa~Oz&lO#[&nO#g&rX%[&rX%_&rXg&rX~O!f$YO!r$YO#Z&qO%uWO~O#Z&qO~Oz&sO#g&tX%[&tX%_&tX~Oz&uO#g&pX%[&pX%_&pX{&pX~O!X&wO%z&xO~Oz&|On&wX~P%SOn'PO~OPdOVaOopOvqO!PrO!Q{O!{tO!}uO#PvO#RwO#TxO#XyO#ZzO#^|O#_|O#a}O#c!OO%['UO~P'vOt'YO#p'WO#q'XOP#naV#naf#nah#nao#nas#nav#na!P#na!Q#na!T#na!U#na!X#na!]#na!h#na!r#na!s#na!t#na!{#na!}#na#P#na#R#na#T#na#X#na#Z#na#^#na#_#na#a#na#c#na#l#na#o#na#s#na#u#na#z#na#}#na$P#na%X#na%o#na%p#na%t#na%u#na&Z#na&[#na&]#na&^#na&_#na&`#na&a#na&b#na&c#na&d#na&e#na&f#na&g#na&h#na&i#na&j#na%Z#na%_#na~Oz'ZO#[']O{&xX~Oh'_O!X&wO~Oh!iO{$jO!X&wO~O{'eO~P%SO%['hO%_'hO~OS'iO%['hO%_'hO~OV!aO_!aOa!bOh!iO!X!kO!f!mO%l!^O%m!_O%n!_O%o!`O%p!`O%q!aO%r!aO%s!aOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~O%k!]O~P!#uO%kWi~P!#uOV!aO_!aOa!bOh!iO!X!kO!f!mO%o!`O%p!`O%q!aO%r!aO%s!aOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%kWi%lWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~O%m!_O%n!_O~P!&pO%mWi%nWi~P!&pOa!bOh!iO!X!kO!f!mOkWilWimWinWioWipWisWizWi{Wi!xWi#gWi%[Wi%_Wi%jWi%kWi%lWi%mWi%nWi%oWi%pWi%zWigWi!TWi!UWi%{Wi!WWi![Wi!QWi#[WitWi!mWi~OV!aO_!aO%q!aO%r!aO%s!aO~P!)nOVWi_Wi%qWi%rWi%sWi~P!)nO!T%dO!U%cOg&VXz&VX~O%z'kO%{'kO~P,eOz'mOg&UX~Og'oO~Oz'pO{'rO!W&XX~Oo0cOv0qOz'pO{'sO!W&XX~P'vO!W'uO~Om!oOn!oOo!rOp!sOkjisjizji{ji!xji#gji%[ji%_ji%zji~Ol!qO~P!.aOlji~P!.aOk0eOl0fOm0dOn0dOo0mOp0nO~Ot'wO~P!/jOV'|Og'}Oo0cOv0qO~P'vOg'}Oz(OO~Og(QO~O!U(SO~Og(TOz(OO!T%dO!U%cO~P%SOk0eOl0fOm0dOn0dOo0mOp0nOgqa!Tqa!Uqa%{qa!Wqa![qa!Qqa#[qatqa!mqa~PEcOV'|Oo0cOv0qO!W&Sa~P'vOz(WO!W&Sa~O!W(XO~Oz(WO!T%dO!U%cO!W&Sa~P%SOV(]Oo0cOv0qO![%}a#g%}a%[%}a%_%}ag%}a{%}a!m%}a%z%}a~P'vOz(^O![%}a#g%}a%[%}a%_%}ag%}a{%}a!m%}a%z%}a~O![(aO~Oz(^O!T%dO!U%cO![%}a~P%SOz(dO!T%dO!U%cO![&Ta~P%SOz(gO{&lX![&lX!m&lX%z&lX~O{(kO![(mO!m(nO%z(jO~OV&OOopOvqO{%hi!x%hi#g%hi%[%hi%_%hi%z%hi~P'vOz(pO{%hi!x%hi#g%hi%[%hi%_%hi%z%hi~O!f&UOh&sa%[&saz&sa#[&sa#g&sa%_&sa#Z&sag&sa~O%[(uO~OV#sOa#tO%uWO~Oz&]O{wa~OopOvqO~P'vOz(^O#g%}a%[%}a%_%}ag%}a{%}a![%}a!m%}a%z%}a~P%SOz(zO#g%hX%[%hX%_%hX%z%hX~O%z#|O#gUi%[Ui%_Ui~O#g&Pa%[&Pa%_&Pan&Pa~P'vOz(}O#g&Pa%[&Pa%_&Pan&Pa~O%uWO#g&ra%[&ra%_&rag&ra~Oz)SO#g&ra%[&ra%_&rag&ra~Og)VO~OV)WOh$WO%uWO~O#Z)XO~O%uWO#g&ta%[&ta%_&ta~Oz)ZO#g&ta%[&ta%_&ta~Oo0cOv0qO#g&pa%[&pa%_&pa{&pa~P'vOz)^O#g&pa%[&pa%_&pa{&pa~OV)`Oa)`O%uWO~O%z)eO~Ot)hO#j)gOP#hiV#hif#hih#hio#his#hiv#hi!P#hi!Q#hi!T#hi!U#hi!X#hi!]#hi!h#hi!r#hi!s#hi!t#hi!{#hi!}#hi#P#hi#R#hi#T#hi#X#hi#Z#hi#^#hi#_#hi#a#hi#c#hi#l#hi#o#hi#s#hi#u#hi#z#hi#}#hi$P#hi%X#hi%o#hi%p#hi%t#hi%u#hi&Z#hi&[#hi&]#hi&^#hi&_#hi&`#hi&a#hi&b#hi&c#hi&d#hi&e#hi&f#hi&g#hi&h#hi&i#hi&j#hi%Z#hi%_#hi~Ot)iOP#kiV#kif#kih#kio#kis#kiv#ki!P#ki!Q#ki!T#ki!U#ki!X#ki!]#ki!h#ki!r#ki!s#ki!t#ki!{#ki!}#ki#P#ki#R#ki#T#ki#X#ki#Z#ki#^#ki#_#ki#a#ki#c#ki#l#ki#o#ki#s#ki#u#ki#z#ki#}#ki$P#ki%X#ki%o#ki%p#ki%t#ki%u#ki&Z#ki&[#ki&]#ki&^#ki&_#ki&`#ki&a#ki&b#ki&c#ki&d#ki&e#ki&f#ki&g#ki&h#ki&i#ki&j#ki%Z#ki%_#ki~OV)kOn&wa~P'vOz)lOn&wa~Oz)lOn&wa~P%SOn)pO~O%Y)tO~Ot)wO#p'WO#q)vOP#niV#nif#nih#nio#nis#niv#ni!P#ni!Q#ni!T#ni!U#ni!X#ni!]#ni!h#ni!r#ni!s#ni!t#ni!{#ni!}#ni#P#ni#R#ni#T#ni#X#ni#Z#ni#^#ni#_#ni#a#ni#c#ni#l#ni#o#ni#s#ni#u#ni#z#ni#}#ni$P#ni%X#ni%o#ni%p#ni%t#ni%u#ni&Z#ni&[#ni&]#ni&^#ni&_#ni&`#ni&a#ni&b#ni&c#ni&d#ni&e#ni&f#ni&g#ni&h#ni&i#ni&j#ni%Z#ni%_#ni~OV)zOo0cOv0qO{$jO~P'vOo0cOv0qO{&xa~P'vOz*OO{&xa~OV*SOa*TOg*WO%q*UO%uWO~O{$jO&{*YO~Oh'_O~Oh!iO{$jO~O%[*_O~O%[*aO%_*aO~OV$}Oa$}Oo0cOv0qOg&Ua~P'vOz*dOg&Ua~Oo0cOv0qO{*gO!W&Xa~P'vOz*hO!W&Xa~Oo0cOv0qOz*hO{*kO!W&Xa~P'vOo0cOv0qOz*hO!W&Xa~P'vOz*hO{*kO!W&Xa~Om0dOn0dOo0mOp0nOgjikjisjizji!Tji!Uji%{ji!Wji{ji![ji#gji%[ji%_ji!Qji#[jitji!mji%zji~Ol0fO~P!NkOlji~P!NkOV'|Og*pOo0cOv0qO~P'vOn*rO~Og*pOz*tO~Og*uO~OV'|Oo0cOv0qO!W&Si~P'vOz*vO!W&Si~O!W*wO~OV(]Oo0cOv0qO![%}i#g%}i%[%}i%_%}ig%}i{%}i!m%}i%z%}i~P'vOz*zO!T%dO!U%cO![&Ti~Oz*}O![%}i#g%}i%[%}i%_%}ig%}i{%}i!m%}i%z%}i~O![+OO~Oa+QOo0cOv0qO![&Ti~P'vOz*zO![&Ti~O![+SO~OV+UOo0cOv0qO{&la![&la!m&la%z&la~P'vOz+VO{&la![&la!m&la%z&la~O!]+YO&n+[O![!nX~O![+^O~O{(kO![+_O~O{(kO![+_O!m+`O~OV&OOopOvqO{%hq!x%hq#g%hq%[%hq%_%hq%z%hq~P'vOz$ri{$ri!x$ri#g$ri%[$ri%_$ri%z$ri~P%SOV&OOopOvqO~P'vOV&OOo0cOv0qO#g%ha%[%ha%_%ha%z%ha~P'vOz+aO#g%ha%[%ha%_%ha%z%ha~Oz$ia#g$ia%[$ia%_$ian$ia~P%SO#g&Pi%[&Pi%_&Pin&Pi~P'vOz+dO#g#Wq%[#Wq%_#Wq~O#[+eOz$va#g$va%[$va%_$vag$va~O%uWO#g&ri%[&ri%_&rig&ri~Oz+gO#g&ri%[&ri%_&rig&ri~OV+iOh$WO%uWO~O%uWO#g&ti%[&ti%_&ti~Oo0cOv0qO#g&pi%[&pi%_&pi{&pi~P'vO{#{Oz#eX!W#eX~Oz+mO!W&uX~O!W+oO~Ot+rO#j)gOP#hqV#hqf#hqh#hqo#hqs#hqv#hq!P#hq!Q#hq!T#hq!U#hq!X#hq!]#hq!h#hq!r#hq!s#hq!t#hq!{#hq!}#hq#P#hq#R#hq#T#hq#X#hq#Z#hq#^#hq#_#hq#a#hq#c#hq#l#hq#o#hq#s#hq#u#hq#z#hq#}#hq$P#hq%X#hq%o#hq%p#hq%t#hq%u#hq&Z#hq&[#hq&]#hq&^#hq&_#hq&`#hq&a#hq&b#hq&c#hq&d#hq&e#hq&f#hq&g#hq&h#hq&i#hq&j#hq%Z#hq%_#hq~On$|az$|a~P%SOV)kOn&wi~P'vOz+yOn&wi~Oz,TO{$jO#[,TO~O#q,VOP#nqV#nqf#nqh#nqo#nqs#nqv#nq!P#nq!Q#nq!T#nq!U#nq!X#nq!]#nq!h#nq!r#nq!s#nq!t#nq!{#nq!}#nq#P#nq#R#nq#T#nq#X#nq#Z#nq#^#nq#_#nq#a#nq#c#nq#l#nq#o#nq#s#nq#u#nq#z#nq#}#nq$P#nq%X#nq%o#nq%p#nq%t#nq%u#nq&Z#nq&[#nq&]#nq&^#nq&_#nq&`#nq&a#nq&b#nq&c#nq&d#nq&e#nq&f#nq&g#nq&h#nq&i#nq&j#nq%Z#nq%_#nq~O#[,WOz%Oa{%Oa~Oo0cOv0qO{&xi~P'vOz,YO{&xi~O{#{O%z,[Og&zXz&zX~O%uWOg&zXz&zX~Oz,`Og&yX~Og,bO~O%Y,eO~O!T%dO!U%cOg&Viz&Vi~OV$}Oa$}Oo0cOv0qOg&Ui~P'vO{,hOz$la!W$la~Oo0cOv0qO{,iOz$la!W$la~P'vOo0cOv0qO{*gO!W&Xi~P'vOz,lO!W&Xi~Oo0cOv0qOz,lO!W&Xi~P'vOz,lO{,oO!W&Xi~Og$hiz$hi!W$hi~P%SOV'|Oo0cOv0qO~P'vOn,qO~OV'|Og,rOo0cOv0qO~P'vOV'|Oo0cOv0qO!W&Sq~P'vOz$gi![$gi#g$gi%[$gi%_$gig$gi{$gi!m$gi%z$gi~P%SOV(]Oo0cOv0qO~P'vOa+QOo0cOv0qO![&Tq~P'vOz,sO![&Tq~O![,tO~OV(]Oo0cOv0qO![%}q#g%}q%[%}q%_%}qg%}q{%}q!m%}q%z%}q~P'vO{,uO~OV+UOo0cOv0qO{&li![&li!m&li%z&li~P'vOz,zO{&li![&li!m&li%z&li~O!]+YO&n+[O![!na~O{(kO![,}O~OV&OOo0cOv0qO#g%hi%[%hi%_%hi%z%hi~P'vOz-OO#g%hi%[%hi%_%hi%z%hi~O%uWO#g&rq%[&rq%_&rqg&rq~Oz-RO#g&rq%[&rq%_&rqg&rq~OV)`Oa)`O%uWO!W&ua~Oz-TO!W&ua~On$|iz$|i~P%SOV)kO~P'vOV)kOn&wq~P'vOt-XOP#myV#myf#myh#myo#mys#myv#my!P#my!Q#my!T#my!U#my!X#my!]#my!h#my!r#my!s#my!t#my!{#my!}#my#P#my#R#my#T#my#X#my#Z#my#^#my#_#my#a#my#c#my#l#my#o#my#s#my#u#my#z#my#}#my$P#my%X#my%o#my%p#my%t#my%u#my&Z#my&[#my&]#my&^#my&_#my&`#my&a#my&b#my&c#my&d#my&e#my&f#my&g#my&h#my&i#my&j#my%Z#my%_#my~O%Z-]O%_-]O~P`O#q-^OP#nyV#nyf#nyh#nyo#nys#nyv#ny!P#ny!Q#ny!T#ny!U#ny!X#ny!]#ny!h#ny!r#ny!s#ny!t#ny!{#ny!}#ny#P#ny#R#ny#T#ny#X#ny#Z#ny#^#ny#_#ny#a#ny#c#ny#l#ny#o#ny#s#ny#u#ny#z#ny#}#ny$P#ny%X#ny%o#ny%p#ny%t#ny%u#ny&Z#ny&[#ny&]#ny&^#ny&_#ny&`#ny&a#ny&b#ny&c#ny&d#ny&e#ny&f#ny&g#ny&h#ny&i#ny&j#ny%Z#ny%_#ny~Oz-aO{$jO#[-aO~Oo0cOv0qO{&xq~P'vOz-dO{&xq~O%z,[Og&zaz&za~O{#{Og&zaz&za~OV*SOa*TO%q*UO%uWOg&ya~Oz-hOg&ya~O$S-lO~OV$}Oa$}Oo0cOv0qO~P'vOo0cOv0qO{-mOz$li!W$li~P'vOo0cOv0qOz$li!W$li~P'vO{-mOz$li!W$li~Oo0cOv0qO{*gO~P'vOo0cOv0qO{*gO!W&Xq~P'vOz-pO!W&Xq~Oo0cOv0qOz-pO!W&Xq~P'vOs-sO!T%dO!U%cOg&Oq!W&Oq![&Oqz&Oq~P!/jOa+QOo0cOv0qO![&Ty~P'vOz$ji![$ji~P%SOa+QOo0cOv0qO~P'vOV+UOo0cOv0qO~P'vOV+UOo0cOv0qO{&lq![&lq!m&lq%z&lq~P'vO{(kO![-xO!m-yO%z-wO~OV&OOo0cOv0qO#g%hq%[%hq%_%hq%z%hq~P'vO%uWO#g&ry%[&ry%_&ryg&ry~OV)`Oa)`O%uWO!W&ui~Ot-}OP#m!RV#m!Rf#m!Rh#m!Ro#m!Rs#m!Rv#m!R!P#m!R!Q#m!R!T#m!R!U#m!R!X#m!R!]#m!R!h#m!R!r#m!R!s#m!R!t#m!R!{#m!R!}#m!R#P#m!R#R#m!R#T#m!R#X#m!R#Z#m!R#^#m!R#_#m!R#a#m!R#c#m!R#l#m!R#o#m!R#s#m!R#u#m!R#z#m!R#}#m!R$P#m!R%X#m!R%o#m!R%p#m!R%t#m!R%u#m!R&Z#m!R&[#m!R&]#m!R&^#m!R&_#m!R&`#m!R&a#m!R&b#m!R&c#m!R&d#m!R&e#m!R&f#m!R&g#m!R&h#m!R&i#m!R&j#m!R%Z#m!R%_#m!R~Oo0cOv0qO{&xy~P'vOV*SOa*TO%q*UO%uWOg&yi~O$S-lO%Z.VO%_.VO~OV.aOh._O!X.^O!].`O!h.YO!s.[O!t.[O%p.XO%uWO&Z]O&[]O&]]O&^]O&_]O&`]O&a]O&b]O~Oo0cOv0qOz$lq!W$lq~P'vO{.fOz$lq!W$lq~Oo0cOv0qO{*gO!W&Xy~P'vOz.gO!W&Xy~Oo0cOv.kO~P'vOs-sO!T%dO!U%cOg&Oy!W&Oy![&Oyz&Oy~P!/jO{(kO![.nO~O{(kO![.nO!m.oO~OV*SOa*TO%q*UO%uWO~Oh.tO!f.rOz$TX#[$TX%j$TXg$TX~Os$TX{$TX!W$TX![$TX~P$-bO%o.vO%p.vOs$UXz$UX{$UX#[$UX%j$UX!W$UXg$UX![$UX~O!h.xO~Oz.|O#[/OO%j.yOs&|X{&|X!W&|Xg&|X~Oa/RO~P$)zOh.tOs&}Xz&}X{&}X#[&}X%j&}X!W&}Xg&}X![&}X~Os/VO{$jO~Oo0cOv0qOz$ly!W$ly~P'vOo0cOv0qO{*gO!W&X!R~P'vOz/ZO!W&X!R~Og&RXs&RX!T&RX!U&RX!W&RX![&RXz&RX~P!/jOs-sO!T%dO!U%cOg&Qa!W&Qa![&Qaz&Qa~O{(kO![/^O~O!f.rOh$[as$[az$[a{$[a#[$[a%j$[a!W$[ag$[a![$[a~O!h/eO~O%o.vO%p.vOs$Uaz$Ua{$Ua#[$Ua%j$Ua!W$Uag$Ua![$Ua~O%j.yOs$Yaz$Ya{$Ya#[$Ya!W$Yag$Ya![$Ya~Os&|a{&|a!W&|ag&|a~P$)nOz/jOs&|a{&|a!W&|ag&|a~O!W/mO~Og/mO~O{/oO~O![/pO~Oo0cOv0qO{*gO!W&X!Z~P'vO{/sO~O%z/tO~P$-bOz/uO#[/OO%j.yOg'PX~Oz/uOg'PX~Og/wO~O!h/xO~O#[/OOs%Saz%Sa{%Sa%j%Sa!W%Sag%Sa![%Sa~O#[/OO%j.yOs%Waz%Wa{%Wa!W%Wag%Wa~Os&|i{&|i!W&|ig&|i~P$)nOz/zO#[/OO%j.yO!['Oa~Og'Pa~P$)nOz0SOg'Pa~Oa0UO!['Oi~P$)zOz0WO!['Oi~Oz0WO#[/OO%j.yO!['Oi~O#[/OO%j.yOg$biz$bi~O%z0ZO~P$-bO#[/OO%j.yOg%Vaz%Va~Og'Pi~P$)nO{0^O~Oa0UO!['Oq~P$)zOz0`O!['Oq~O#[/OO%j.yOz%Ui![%Ui~Oa0UO~P$)zOa0UO!['Oy~P$)zO#[/OO%j.yOg$ciz$ci~O#[/OO%j.yOz%Uq![%Uq~Oz+aO#g%ha%[%ha%_%ha%z%ha~P%SOV&OOo0cOv0qO~P'vOn0hO~Oo0hO~P'vO{0iO~Ot0jO~P!/jO&]&Z&j&h&i&g&f&d&e&c&b&`&a&_&^&[%u~",
  goto: "!=j'QPPPPPP'RP'Z*s+[+t,_,y-fP.SP'Z.r.r'ZPPP'Z2[PPPPPP2[5PPP5PP7b7k=sPP=v>h>kPP'Z'ZPP>zPP'Z'ZPP'Z'Z'Z'Z'Z?O?w'ZP?zP@QDXGuGyPG|HWH['ZPPPH_Hk'RP'R'RP'RP'RP'RP'RP'R'R'RP'RPP'RPP'RP'RPHqH}IVPI^IdPI^PI^I^PPPI^PKrPK{LVL]KrPI^LfPI^PLmLsPLwM]MzNeLwLwNkNxLwLwLwLw! ^! d! g! l! o! y!!P!!]!!o!!u!#P!#V!#s!#y!$P!$Z!$a!$g!$y!%T!%Z!%a!%k!%q!%w!%}!&T!&Z!&e!&k!&u!&{!'U!'[!'k!'s!'}!(UPPPPPPPPPPP!([!(_!(e!(n!(x!)TPPPPPPPPPPPP!-u!/Z!3^!6oPP!6w!7W!7a!8Y!8P!8c!8i!8l!8o!8r!8z!9jPPPPPPPPPPPPPPPPP!9m!9q!9wP!:]!:a!:m!:v!;S!;j!;m!;p!;v!;|!<S!<VP!<_!<h!=d!=g]eOn#g$j)t,P'}`OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0r{!cQ#c#p$R$d$p%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g}!dQ#c#p$R$d$p$u%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!P!eQ#c#p$R$d$p$u$v%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!R!fQ#c#p$R$d$p$u$v$w%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!T!gQ#c#p$R$d$p$u$v$w$x%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!V!hQ#c#p$R$d$p$u$v$w$x$y%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g!Z!hQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0g'}TOTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0r&eVOYZ[dnprxy}!P!Q!U!i!k!o!p!q!s!t#[#d#g#y#{#}$Q$h$j$}%S%Z%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0n0r%oXOYZ[dnrxy}!P!Q!U!i!k#[#d#g#y#{#}$Q$h$j$}%S%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,s,u,w,y,z-O-d-f-m-p.f.g/V/Z0i0j0kQ#vqQ/[.kR0o0q't`OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rh#jhz{$W$Z&l&q)S)X+f+g-RW#rq&].k0qQ$]|Q$a!OQ$n!VQ$o!WW$|!i'm*d,gS&[#s#tQ'S$iQ(s&UQ)U&nU)Y&s)Z+jW)a&w+m-T-{Q*Q']W*R'_,`-h.TQ+l)`S,_*S*TQ-Q+eQ-_,TQ-c,WQ.R-al.W-l.^._.a.z.|/R/j/o/t/y0U0Z0^Q/S.`Q/a.tQ/l/OU0P/u0S0[X0V/z0W0_0`R&Z#r!_!wYZ!P!Q!k%S%`%g'p'r's(O(W)g*g*h*k*q*t*v,h,i,k,l,o-m-p.f.g/ZR%^!vQ!{YQ%x#[Q&d#}Q&g$QR,{+YT.j-s/s!Y!jQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0gQ&X#kQ'c$oR*^'dR'l$|Q%V!mR/_.r'|_OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rS#a_#b!P.[-l.^._.`.a.t.z.|/R/j/o/t/u/y/z0S0U0W0Z0[0^0_0`'|_OTYZ[adnoprtxy}!P!Q!R!U!X!c!d!e!f!g!h!i!k!o!p!q!s!t!z#O#S#T#[#d#g#x#y#{#}$Q$e$g$h$j$q$}%S%Z%^%`%c%g%l%n%w%|&O&Z&_&h&j&k&u&x&|'P'W'Z'l'm'p'r's'w'|(O(S(W(](^(d(g(p(r(z(})^)e)g)k)l)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+Q+U+V+Y+a+c+d+k+x+y,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0l0n0rT#a_#bT#^^#_R(o%xa(l%x(n(o+`,{-y-z.oT+[(k+]R-z,{Q$PsQ+l)aQ,^*RR-e,_X#}s$O$P&fQ&y$aQ'a$nQ'd$oR)s'SQ)b&wV-S+m-T-{ZgOn$j)t,PXkOn)t,PQ$k!TQ&z$bQ&{$cQ'^$mQ'b$oQ)q'RQ)x'WQ){'XQ)|'YQ*Z'`S*]'c'dQ+s)gQ+u)hQ+v)iQ+z)oS+|)r*[Q,Q)vQ,R)wS,S)y)zQ,d*^Q-V+rQ-W+tQ-Y+{S-Z+},OQ-`,UQ-b,VQ-|-XQ.O-[Q.P-^Q.Q-_Q.p-}Q.q.RQ/W.dR/r/XWkOn)t,PR#mjQ'`$nS)r'S'aR,O)sQ,]*RR-f,^Q*['`Q+})rR-[,OZiOjn)t,PQ'f$pR*`'gT-j,e-ku.c-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^t.c-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^Q/S.`X0V/z0W0_0`!P.Z-l.^._.`.a.t.z.|/R/j/o/t/u/y/z0S0U0W0Z0[0^0_0`Q.w.YR/f.xg.z.].{/b/i/n/|0O0Q0]0a0bu.b-l.^._.a.t.z.|/R/j/o/t/u/y0S0U0Z0[0^X.u.W.b/a0PR/c.tV0R/u0S0[R/X.dQnOS#on,PR,P)tQ&^#uR(x&^S%m#R#wS(_%m(bT(b%p&`Q%a!yQ%h!}W(P%a%h(U(YQ(U%eR(Y%jQ&i$RR)O&iQ(e%qQ*{(`T+R(e*{Q'n%OR*e'nS'q%R%SY*i'q*j,m-q.hU*j'r's'tU,m*k*l*mS-q,n,oR.h-rQ#Y]R%t#YQ#_^R%y#_Q(h%vS+W(h+XR+X(iQ+](kR,|+]Q#b_R%{#bQ#ebQ%}#cW&Q#e%}({+bQ({&cR+b0gQ$OsS&e$O&fR&f$PQ&v$_R)_&vQ&V#jR(t&VQ&m$VS)T&m+hR+h)UQ$Z{R&p$ZQ&t$]R)[&tQ+n)bR-U+nQ#hfR&S#hQ)f&zR+q)fQ&}$dS)m&})nR)n'OQ'V$kR)u'VQ'[$lS*P'[,ZR,Z*QQ,a*VR-i,aWjOn)t,PR#ljQ-k,eR.U-kd.{.]/b/i/n/|0O0Q0]0a0bR/h.{U.s.W/a0PR/`.sQ/{/nS0X/{0YR0Y/|S/v/b/cR0T/vQ.}.]R/k.}R!ZPXmOn)t,PWlOn)t,PR'T$jYfOn$j)t,PR&R#g[sOn#g$j)t,PR&d#}&dQOYZ[dnprxy}!P!Q!U!i!k!o!p!q!s!t#[#d#g#y#{#}$Q$h$j$}%S%Z%^%`%g%l%n%w%|&Z&_&j&k&u&x'P'W'Z'l'm'p'r's'w(O(W(^(d(g(p(r(z)^)e)g)p)t)z*O*Y*d*g*h*k*q*r*t*v*y*z*}+U+V+Y+a+d+k,P,X,Y,],g,h,i,k,l,o,q,s,u,w,y,z-O-d-f-m-p-s.f.g/V/Z/s0c0d0e0f0h0i0j0k0n0rQ!nTQ#caQ#poU$Rt%c(SS$d!R$gQ$p!XQ$u!cQ$v!dQ$w!eQ$x!fQ$y!gQ$z!hQ%e!zQ%j#OQ%p#SQ%q#TQ&`#xQ'O$eQ'g$qQ(q&OU(|&h(}+cW)j&|)l+x+yQ*o'|Q*x(]Q+w)kQ,v+QR0g0lQ!yYQ!}ZQ$b!PQ$c!QQ%R!kQ't%S^'{%`%g(O(W*q*t*v^*f'p*h,k,l-p.g/ZQ*l'rQ*m'sQ+t)gQ,j*gQ,n*kQ-n,hQ-o,iQ-r,oQ.e-mR/Y.f[bOn#g$j)t,P!^!vYZ!P!Q!k%S%`%g'p'r's(O(W)g*g*h*k*q*t*v,h,i,k,l,o-m-p.f.g/ZQ#R[Q#fdS#wrxQ$UyW$_}$Q'P)pS$l!U$hW${!i'm*d,gS%v#[+Y`&P#d%|(p(r(z+a-O0kQ&a#yQ&b#{Q&c#}Q'j$}Q'z%^W([%l(^*y*}Q(`%nQ(i%wQ(v&ZS(y&_0iQ)P&jQ)Q&kU)]&u)^+kQ)d&xQ)y'WY)}'Z*O,X,Y-dQ*b'lS*n'w0jW+P(d*z,s,wW+T(g+V,y,zQ+p)eQ,U)zQ,c*YQ,x+UQ-P+dQ-e,]Q-v,uQ.S-fR/q/VhUOn#d#g$j%|&_'w(p(r)t,P%U!uYZ[drxy}!P!Q!U!i!k#[#y#{#}$Q$h$}%S%^%`%g%l%n%w&Z&j&k&u&x'P'W'Z'l'm'p'r's(O(W(^(d(g(z)^)e)g)p)z*O*Y*d*g*h*k*q*t*v*y*z*}+U+V+Y+a+d+k,X,Y,],g,h,i,k,l,o,s,u,w,y,z-O-d-f-m-p.f.g/V/Z0i0j0kQ#qpW%W!o!s0d0nQ%X!pQ%Y!qQ%[!tQ%f0cS'v%Z0hQ'x0eQ'y0fQ,p*rQ-u,qS.i-s/sR0p0rU#uq.k0qR(w&][cOn#g$j)t,PZ!xY#[#}$Q+YQ#W[Q#zrR$TxQ%b!yQ%i!}Q%o#RQ'j${Q(V%eQ(Z%jQ(c%pQ(f%qQ*|(`Q,f*bQ-t,pQ.m-uR/].lQ$StQ(R%cR*s(SQ.l-sR/}/sR#QZR#V[R%Q!iQ%O!iV*c'm*d,g!Z!lQ!n#c#p$R$d$p$u$v$w$x$y$z%e%j%p%q&`'O'g(q(|)j*o*x+w,v0gR%T!kT#]^#_Q%x#[R,{+YQ(m%xS+_(n(oQ,}+`Q-x,{S.n-y-zR/^.oT+Z(k+]Q$`}Q&g$QQ)o'PR+{)pQ$XzQ)W&qR+i)XQ$XzQ&o$WQ)W&qR+i)XQ#khW$Vz$W&q)XQ$[{Q&r$ZZ)R&l)S+f+g-RR$^|R)c&wXlOn)t,PQ$f!RR'Q$gQ$m!UR'R$hR*X'_Q*V'_V-g,`-h.TQ.d-lQ/P.^R/Q._U.]-l.^._Q/U.aQ/b.tQ/g.zU/i.|/j/yQ/n/RQ/|/oQ0O/tU0Q/u0S0[Q0]0UQ0a0ZR0b0^R/T.`R/d.t",
  nodeNames: "\u26A0 print Escape { Comment Script AssignStatement * BinaryExpression BitOp BitOp BitOp BitOp ArithOp ArithOp @ ArithOp ** UnaryExpression ArithOp BitOp AwaitExpression await ) ( ParenthesizedExpression BinaryExpression or and CompareOp in not is UnaryExpression ConditionalExpression if else LambdaExpression lambda ParamList VariableName AssignOp , : NamedExpression AssignOp YieldExpression yield from TupleExpression ComprehensionExpression async for LambdaExpression ] [ ArrayExpression ArrayComprehensionExpression } { DictionaryExpression DictionaryComprehensionExpression SetExpression SetComprehensionExpression CallExpression ArgList AssignOp MemberExpression . PropertyName Number String FormatString FormatReplacement FormatSelfDoc FormatConversion FormatSpec FormatReplacement FormatSelfDoc ContinuedString Ellipsis None Boolean TypeDef AssignOp UpdateStatement UpdateOp ExpressionStatement DeleteStatement del PassStatement pass BreakStatement break ContinueStatement continue ReturnStatement return YieldStatement PrintStatement RaiseStatement raise ImportStatement import as ScopeStatement global nonlocal AssertStatement assert TypeDefinition type TypeParamList TypeParam StatementGroup ; IfStatement Body elif WhileStatement while ForStatement TryStatement try except finally WithStatement with FunctionDefinition def ParamList AssignOp TypeDef ClassDefinition class DecoratedStatement Decorator At MatchStatement match MatchBody MatchClause case CapturePattern LiteralPattern ArithOp ArithOp AsPattern OrPattern LogicOp AttributePattern SequencePattern MappingPattern StarPattern ClassPattern PatternArgList KeywordPattern KeywordPattern Guard",
  maxTerm: 277,
  context: trackIndent,
  nodeProps: [
    ["isolate", -5, 4, 71, 72, 73, 77, ""],
    ["group", -15, 6, 85, 87, 88, 90, 92, 94, 96, 98, 99, 100, 102, 105, 108, 110, "Statement Statement", -22, 8, 18, 21, 25, 40, 49, 50, 56, 57, 60, 61, 62, 63, 64, 67, 70, 71, 72, 79, 80, 81, 82, "Expression", -10, 114, 116, 119, 121, 122, 126, 128, 133, 135, 138, "Statement", -9, 143, 144, 147, 148, 150, 151, 152, 153, 154, "Pattern"],
    ["openedBy", 23, "(", 54, "[", 58, "{"],
    ["closedBy", 24, ")", 55, "]", 59, "}"]
  ],
  propSources: [pythonHighlighting],
  skippedNodes: [0, 4],
  repeatNodeCount: 34,
  tokenData: "!2|~R!`OX%TXY%oY[%T[]%o]p%Tpq%oqr'ars)Yst*xtu%Tuv,dvw-hwx.Uxy/tyz0[z{0r{|2S|}2p}!O3W!O!P4_!P!Q:Z!Q!R;k!R![>_![!]Do!]!^Es!^!_FZ!_!`Gk!`!aHX!a!b%T!b!cIf!c!dJU!d!eK^!e!hJU!h!i!#f!i!tJU!t!u!,|!u!wJU!w!x!.t!x!}JU!}#O!0S#O#P&o#P#Q!0j#Q#R!1Q#R#SJU#S#T%T#T#UJU#U#VK^#V#YJU#Y#Z!#f#Z#fJU#f#g!,|#g#iJU#i#j!.t#j#oJU#o#p!1n#p#q!1s#q#r!2a#r#s!2f#s$g%T$g;'SJU;'S;=`KW<%lOJU`%YT&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T`%lP;=`<%l%To%v]&n`%c_OX%TXY%oY[%T[]%o]p%Tpq%oq#O%T#O#P&o#P#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To&tX&n`OY%TYZ%oZ]%T]^%o^#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc'f[&n`O!_%T!_!`([!`#T%T#T#U(r#U#f%T#f#g(r#g#h(r#h#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc(cTmR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc(yT!mR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk)aV&n`&[ZOr%Trs)vs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk){V&n`Or%Trs*bs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk*iT&n`&^ZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To+PZS_&n`OY*xYZ%TZ]*x]^%T^#o*x#o#p+r#p#q*x#q#r+r#r;'S*x;'S;=`,^<%lO*x_+wTS_OY+rZ]+r^;'S+r;'S;=`,W<%lO+r_,ZP;=`<%l+ro,aP;=`<%l*xj,kV%rQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj-XT!xY&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj-oV%lQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk.]V&n`&ZZOw%Twx.rx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk.wV&n`Ow%Twx/^x#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk/eT&n`&]ZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk/{ThZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc0cTgR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk0yXVZ&n`Oz%Tz{1f{!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk1mVaR&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk2ZV%oZ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc2wTzR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To3_W%pZ&n`O!_%T!_!`-Q!`!a3w!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Td4OT&{S&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk4fX!fQ&n`O!O%T!O!P5R!P!Q%T!Q![6T![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk5WV&n`O!O%T!O!P5m!P#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk5tT!rZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti6[a!hX&n`O!Q%T!Q![6T![!g%T!g!h7a!h!l%T!l!m9s!m#R%T#R#S6T#S#X%T#X#Y7a#Y#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti7fZ&n`O{%T{|8X|}%T}!O8X!O!Q%T!Q![8s![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti8^V&n`O!Q%T!Q![8s![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti8z]!hX&n`O!Q%T!Q![8s![!l%T!l!m9s!m#R%T#R#S8s#S#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti9zT!hX&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk:bX%qR&n`O!P%T!P!Q:}!Q!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj;UV%sQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti;ro!hX&n`O!O%T!O!P=s!P!Q%T!Q![>_![!d%T!d!e?q!e!g%T!g!h7a!h!l%T!l!m9s!m!q%T!q!rA]!r!z%T!z!{Bq!{#R%T#R#S>_#S#U%T#U#V?q#V#X%T#X#Y7a#Y#^%T#^#_9s#_#c%T#c#dA]#d#l%T#l#mBq#m#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti=xV&n`O!Q%T!Q![6T![#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti>fc!hX&n`O!O%T!O!P=s!P!Q%T!Q![>_![!g%T!g!h7a!h!l%T!l!m9s!m#R%T#R#S>_#S#X%T#X#Y7a#Y#^%T#^#_9s#_#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti?vY&n`O!Q%T!Q!R@f!R!S@f!S#R%T#R#S@f#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Ti@mY!hX&n`O!Q%T!Q!R@f!R!S@f!S#R%T#R#S@f#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiAbX&n`O!Q%T!Q!YA}!Y#R%T#R#SA}#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiBUX!hX&n`O!Q%T!Q!YA}!Y#R%T#R#SA}#S#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiBv]&n`O!Q%T!Q![Co![!c%T!c!iCo!i#R%T#R#SCo#S#T%T#T#ZCo#Z#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TiCv]!hX&n`O!Q%T!Q![Co![!c%T!c!iCo!i#R%T#R#SCo#S#T%T#T#ZCo#Z#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%ToDvV{_&n`O!_%T!_!`E]!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TcEdT%{R&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkEzT#gZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkFbXmR&n`O!^%T!^!_F}!_!`([!`!a([!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TjGUV%mQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkGrV%zZ&n`O!_%T!_!`([!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkH`WmR&n`O!_%T!_!`([!`!aHx!a#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TjIPV%nQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkIoV_Q#}P&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%ToJ_]&n`&YS%uZO!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUoKZP;=`<%lJUoKge&n`&YS%uZOr%Trs)Ysw%Twx.Ux!Q%T!Q![JU![!c%T!c!tJU!t!uLx!u!}JU!}#R%T#R#SJU#S#T%T#T#fJU#f#gLx#g#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUoMRa&n`&YS%uZOr%TrsNWsw%Twx! vx!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUkN_V&n`&`ZOr%TrsNts#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%TkNyV&n`Or%Trs! `s#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk! gT&n`&bZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk! }V&n`&_ZOw%Twx!!dx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!!iV&n`Ow%Twx!#Ox#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!#VT&n`&aZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!#oe&n`&YS%uZOr%Trs!%Qsw%Twx!&px!Q%T!Q![JU![!c%T!c!tJU!t!u!(`!u!}JU!}#R%T#R#SJU#S#T%T#T#fJU#f#g!(`#g#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!%XV&n`&dZOr%Trs!%ns#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!%sV&n`Or%Trs!&Ys#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!&aT&n`&fZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!&wV&n`&cZOw%Twx!'^x#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!'cV&n`Ow%Twx!'xx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!(PT&n`&eZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!(ia&n`&YS%uZOr%Trs!)nsw%Twx!+^x!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!)uV&n`&hZOr%Trs!*[s#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!*aV&n`Or%Trs!*vs#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!*}T&n`&jZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!+eV&n`&gZOw%Twx!+zx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!,PV&n`Ow%Twx!,fx#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tk!,mT&n`&iZO#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%To!-Vi&n`&YS%uZOr%TrsNWsw%Twx! vx!Q%T!Q![JU![!c%T!c!dJU!d!eLx!e!hJU!h!i!(`!i!}JU!}#R%T#R#SJU#S#T%T#T#UJU#U#VLx#V#YJU#Y#Z!(`#Z#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUo!.}a&n`&YS%uZOr%Trs)Ysw%Twx.Ux!Q%T!Q![JU![!c%T!c!}JU!}#R%T#R#SJU#S#T%T#T#oJU#p#q%T#r$g%T$g;'SJU;'S;=`KW<%lOJUk!0ZT!XZ&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tc!0qT!WR&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%Tj!1XV%kQ&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T~!1sO!]~k!1zV%jR&n`O!_%T!_!`-Q!`#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T~!2fO![~i!2mT%tX&n`O#o%T#p#q%T#r;'S%T;'S;=`%i<%lO%T",
  tokenizers: [legacyPrint, indentation, newlines, strings, 0, 1, 2, 3, 4],
  topRules: { "Script": [0, 5] },
  specialized: [{ term: 221, get: (value) => spec_identifier[value] || -1 }],
  tokenPrec: 7668
});

// src/parse/python/read.ts
var MAX_RECOVERY_STEPS = 3e3;
var MAX_EXPRESSION_DEPTH = 200;
var MAX_BLOCK_DEPTH = 100;
var MAX_ERRORS = 50;
var SIMPLE_ESCAPES = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", "\n": "" };
function unescape3(raw) {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (whole, esc) => {
    if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}
var MAX_PYTHON_CHARS = 512 * 1024;
function parsePythonModule(source) {
  if (source.length > MAX_PYTHON_CHARS) return unread(`too large to read as Python (${source.length} characters, more than ${MAX_PYTHON_CHARS})`);
  const { tree, stoppedAt } = parseTree(source);
  if (!tree) return unread("nested too deeply to read");
  const reader = new Reader(source, tree);
  const errors = reader.errors();
  if (stoppedAt !== void 0) errors.push({ line: reader.lineAt(stoppedAt), message: "too many syntax errors to read further" });
  const syntax = { source, tree, lineAt: (pos) => reader.lineAt(pos) };
  if (errors.length && stoppedAt === void 0) {
    const compatible = lezerCompatible(source);
    if (compatible !== source) {
      const again = parseTree(compatible);
      if (again.tree && again.stoppedAt === void 0) {
        const other = new Reader(compatible, again.tree);
        const fewer = other.errors();
        if (fewer.length < errors.length) {
          const better = { statements: other.statementsIn(again.tree.topNode, 0), errors: fewer, syntax: { source: compatible, tree: again.tree, lineAt: (pos) => other.lineAt(pos) } };
          if (!fewer.length) return better;
          const pieces2 = readInPieces(compatible);
          return pieces2 && pieces2.errors.length < fewer.length ? { ...pieces2, syntax: better.syntax } : better;
        }
      }
    }
    const pieces = readInPieces(source);
    if (pieces && pieces.errors.length < errors.length) return { ...pieces, syntax };
  }
  return { statements: reader.statementsIn(tree.topNode, 0), errors, syntax };
}
function lezerCompatible(source) {
  const lines = source.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 2e3) continue;
    if (/^\s*yield\s*(#.*)?$/.test(line)) lines[i] = line.replace("yield", "pass ");
    else if (/=\s*yield\s*(#.*)?$/.test(line)) lines[i] = line.replace(/yield(\s*(#.*)?)$/, "None $1");
    else if (/^\s*case\b/.test(line)) lines[i] = line.replace(/([\w\]])\(\s*\)/g, "$1(_)");
    else if (/^\s*(async\s+)?with\s*\($/.test(line.replace(/\s*#.*$/, ""))) unparenthesizeWith(lines, i);
  }
  return lines.join("\n");
}
function withoutComment(line) {
  let quote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = void 0;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") return line.slice(0, i);
  }
  return quote ? void 0 : line;
}
function unparenthesizeWith(lines, i) {
  let close = -1;
  for (let j = i + 1; j < lines.length && j < i + 50; j++) {
    if (/^\s*\)\s*:\s*(#.*)?$/.test(lines[j])) {
      close = j;
      break;
    }
    const code = withoutComment(lines[j]);
    if (code === void 0 || /:\s*$/.test(code)) return;
  }
  if (close < 0) return;
  const body = lines.slice(i + 1, close).map((l) => withoutComment(l).trimEnd());
  if (!body.some((l) => /\bas\b/.test(l))) return;
  let last = body.length - 1;
  while (last >= 0 && body[last].trim() === "") last--;
  if (last >= 0) body[last] = body[last].replace(/,\s*$/, "");
  lines[i] = lines[i].replace(/\(\s*(#.*)?$/, "\\");
  for (let k = 0; k < body.length; k++) lines[i + 1 + k] = `${body[k]} \\`;
  lines[close] = lines[close].replace(/^(\s*)\)/, "$1 ");
}
var PIECE_LINES = 120;
function readInPieces(source) {
  const cuts = topLevelStarts(source);
  if (cuts.length < 2) return void 0;
  const starts = lineStartOffsets(source);
  const statements = [];
  const errors = [];
  let from = 0;
  while (from < cuts.length) {
    let to = from + 1;
    while (to < cuts.length && cuts[to] - cuts[from] < PIECE_LINES) to++;
    const startLine = cuts[from];
    const begin = starts[startLine - 1];
    const end = to < cuts.length ? starts[cuts[to] - 1] : source.length;
    const piece = source.slice(begin, end);
    const { tree, stoppedAt } = parseTree(piece);
    if (!tree || stoppedAt !== void 0) return void 0;
    const reader = new Reader(piece, tree, startLine);
    errors.push(...reader.errors());
    statements.push(...reader.statementsIn(tree.topNode, 0));
    from = to;
  }
  return { statements, errors };
}
var CONTINUES_COMPOUND = /^(else|elif|except|finally)\b/;
function topLevelStarts(source) {
  const out = [];
  let depth = 0;
  let quote;
  let line = 1;
  let atLineStart = true;
  let continued = false;
  let afterDecorator = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (atLineStart) {
      atLineStart = false;
      if (!quote && depth === 0 && !continued && c !== " " && c !== "	" && c !== "\n" && c !== "\r" && c !== "#") {
        const rest = source.slice(i, i + 10);
        if (!CONTINUES_COMPOUND.test(rest) && !afterDecorator) out.push(line);
        afterDecorator = c === "@";
      }
      continued = false;
    }
    if (quote) {
      if (c === "\\") i++;
      else if (source.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = void 0;
      } else if (c === "\n") {
        line++;
        atLineStart = true;
        if (quote.length === 1) quote = void 0;
      }
      continue;
    }
    if (c === "#") {
      while (i + 1 < source.length && source[i + 1] !== "\n") i++;
    } else if (c === '"' || c === "'") {
      quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
    else if (c === "\\" && source[i + 1] === "\n") {
      continued = true;
      i++;
      line++;
      atLineStart = true;
      continued = true;
    } else if (c === "\n") {
      line++;
      atLineStart = true;
    }
  }
  return out;
}
var unread = (message) => ({ statements: [], errors: [{ line: 1, message }], syntax: { source: "", tree: parser.parse(""), lineAt: () => 1 } });
function parseTree(source) {
  const parse = parser.startParse(source);
  const state = parse;
  let recovering = 0;
  let stoppedAt;
  try {
    for (; ; ) {
      if (state.recovering && ++recovering > MAX_RECOVERY_STEPS && stoppedAt === void 0) {
        stoppedAt = parse.parsedPos;
        parse.stopAt(stoppedAt);
      }
      const tree = parse.advance();
      if (tree) return stoppedAt === void 0 ? { tree } : { tree, stoppedAt };
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {};
  }
}
var BLOCK_KEYWORDS = /* @__PURE__ */ new Set(["if", "elif", "else", "try", "except", "finally", "for", "while", "with"]);
var SIMPLE_OTHER = /* @__PURE__ */ new Set([
  "DeleteStatement",
  "PassStatement",
  "BreakStatement",
  "ContinueStatement",
  "ReturnStatement",
  "YieldStatement",
  "PrintStatement",
  "RaiseStatement",
  "ScopeStatement",
  "AssertStatement",
  "TypeDefinition"
]);
var ASSIGN_OPS = /* @__PURE__ */ new Set(["+=", "-=", "|="]);
var OPENING = /* @__PURE__ */ new Set(["(", "[", "{"]);
var CLOSING = /* @__PURE__ */ new Set([")", "]", "}"]);
function kids(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}
function split(nodes, sep) {
  const out = [[]];
  for (const n of nodes) {
    if (sep(n)) out.push([]);
    else out[out.length - 1].push(n);
  }
  return out;
}
var isComma = (n) => n.name === ",";
var unbracketed = (nodes) => nodes.slice(OPENING.has(nodes[0]?.name ?? "") ? 1 : 0, CLOSING.has(nodes[nodes.length - 1]?.name ?? "") ? -1 : void 0);
var meaningful = (nodes) => nodes.filter((n) => !(n.type.isError && n.from === n.to));
var Reader = class {
  constructor(source, tree, firstLine = 1) {
    this.source = source;
    this.tree = tree;
    this.firstLine = firstLine;
    this.lineStarts = lineStartOffsets(source);
  }
  source;
  tree;
  firstLine;
  lineStarts;
  lineHint = 0;
  tooDeep = false;
  /** Where the error nodes are, in order (filled by errors()). */
  errorPositions = [];
  /** 1-based line of an offset; walks are mostly forward, so the last answer is tried first. */
  lineAt(pos) {
    const starts = this.lineStarts;
    let i = this.lineHint;
    if (!(starts[i] <= pos && (i + 1 >= starts.length || pos < starts[i + 1]))) i = lineOfOffset(starts, pos) - 1;
    this.lineHint = i;
    return i + this.firstLine;
  }
  text(node) {
    return this.source.slice(node.from, node.to);
  }
  /** Whether a statement has an error node in it: what Lezer guessed there is not read as a value. */
  broken(node) {
    const errors = this.errorPositions;
    let lo = 0;
    let hi = errors.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (errors[mid] < node.from) lo = mid + 1;
      else hi = mid;
    }
    return lo < errors.length && errors[lo] <= node.to;
  }
  /** Line of the last character of a node that is not white space. */
  endLineOf(node) {
    let end = node.to - 1;
    while (end > node.from && /\s/.test(this.source[end])) end--;
    return this.lineAt(end);
  }
  // -------------------------------------------------------------------------
  // Statements
  statementsIn(container, depth) {
    const out = [];
    if (depth > MAX_BLOCK_DEPTH) return out;
    for (const node of kids(container)) this.statement(node, depth, out);
    return out;
  }
  statement(node, depth, out) {
    const line = this.lineAt(node.from);
    switch (node.name) {
      case "StatementGroup":
        for (const part of kids(node)) this.statement(part, depth, out);
        return;
      case "AssignStatement":
      case "UpdateStatement":
        out.push(this.assignment(node, line));
        return;
      case "ExpressionStatement": {
        const value = this.broken(node) ? this.unknown(node, "syntax error") : this.topExpression(meaningful(kids(node)), line);
        out.push({ kind: "expr", value, line, endLine: this.endLineOf(node) });
        return;
      }
      case "ImportStatement":
        out.push(this.importOf(node, line));
        return;
      case "ClassDefinition":
      case "FunctionDefinition": {
        const children = kids(node);
        const name2 = children.find((c) => c.name === "VariableName");
        const body = children.find((c) => c.name === "Body");
        const statements = body ? this.statementsIn(body, depth + 1) : [];
        const endLine = lastLineOf(statements, body ? this.lineAt(body.from) : line);
        const nameText = name2 ? this.text(name2) : "";
        if (node.name === "FunctionDefinition") {
          out.push({ kind: "def", name: nameText, body: statements, line, endLine });
          return;
        }
        const argList = children.find((c) => c.name === "ArgList");
        const bases = argList ? this.argumentsOf(argList, 0).args : [];
        out.push({ kind: "class", name: nameText, bases, body: statements, line, endLine });
        return;
      }
      case "DecoratedStatement":
        for (const part of kids(node)) {
          if (part.name === "Decorator") out.push({ kind: "other", line: this.lineAt(part.from) });
          else this.statement(part, depth, out);
        }
        return;
      case "IfStatement":
      case "WhileStatement":
      case "ForStatement":
      case "TryStatement":
      case "WithStatement":
        this.clauses(node, depth, out);
        return;
      case "MatchStatement": {
        const cases = [];
        for (const clause of kids(node).find((c) => c.name === "MatchBody")?.getChildren("MatchClause") ?? []) {
          const body = clause.getChild("Body");
          const statements = body ? this.statementsIn(body, depth + 2) : [];
          const at = this.lineAt(clause.from);
          cases.push({ kind: "block", keyword: "case", body: statements, line: at, endLine: lastLineOf(statements, at) });
        }
        out.push({ kind: "block", keyword: "match", body: cases, line, endLine: lastLineOf(cases, line) });
        return;
      }
      default:
        if (SIMPLE_OTHER.has(node.name)) out.push({ kind: "other", line });
    }
  }
  /** `if ... elif ... else`, `try ... except ... finally`, `for ... else`: one block per clause, as siblings. */
  clauses(node, depth, out) {
    let keyword2;
    let header = [];
    for (const child of kids(node)) {
      if (child.name === "Body") {
        if (!keyword2) continue;
        const body = this.statementsIn(child, depth + 1);
        const line = this.lineAt(keyword2.from);
        const block = { kind: "block", keyword: keyword2.name, body, line, endLine: lastLineOf(body, this.lineAt(child.from)) };
        const test = meaningful(header);
        if ((keyword2.name === "if" || keyword2.name === "elif") && test.length) block.test = this.topExpression(test, line);
        out.push(block);
        keyword2 = void 0;
        header = [];
      } else if (!keyword2 && BLOCK_KEYWORDS.has(child.name)) keyword2 = child;
      else header.push(child);
    }
  }
  /** `A = B = expr`, `A: int = expr`, `A += expr`; annotations alone and other operators (`*=`) are `other`. */
  assignment(node, line) {
    const children = kids(node);
    const update = children.find((c) => c.name === "UpdateOp");
    const op = update ? this.text(update) : "=";
    if (update && !ASSIGN_OPS.has(op)) return { kind: "other", line };
    const parts = split(children, (c) => c.name === "AssignOp" || c.name === "UpdateOp");
    if (parts.length < 2) return { kind: "other", line };
    const targets = parts.slice(0, -1).map((part) => part.filter((c) => c.name !== "TypeDef").map((c) => this.targetText(c)).join("")).filter(Boolean);
    const valueNodes = meaningful(parts[parts.length - 1]);
    const value = valueNodes.length && !this.broken(node) ? this.topExpression(valueNodes, line) : { kind: "unknown", text: "syntax error", line };
    return { kind: "assign", targets, value, op, line, endLine: this.endLineOf(node) };
  }
  /** A target as written, without spaces and with strings in JSON quotes: `app.config["DEBUG"]`. */
  targetText(node) {
    let out = "";
    const cursor = node.cursor();
    let depth = 0;
    for (; ; ) {
      if (cursor.name === "String" || cursor.name === "FormatString") out += JSON.stringify(this.stringValue(cursor.node));
      else if (cursor.name !== "Comment" && !cursor.type.isError) {
        if (cursor.firstChild()) {
          depth++;
          continue;
        }
        out += this.source.slice(cursor.from, cursor.to);
      }
      for (; ; ) {
        if (depth === 0) return out;
        if (cursor.nextSibling()) break;
        cursor.parent();
        depth--;
      }
    }
  }
  importOf(node, line) {
    const children = kids(node);
    if (children[0]?.name === "import") {
      const names2 = split(children.slice(1), isComma).map((part) => {
        const alias = part.findIndex((c) => c.name === "as");
        return (alias < 0 ? part : part.slice(0, alias)).map((c) => this.text(c)).join("");
      }).filter(Boolean);
      return { kind: "import", module: "", names: names2, line };
    }
    const importAt = children.findIndex((c) => c.name === "import");
    const module = children.slice(1, importAt < 0 ? children.length : importAt).filter((c) => !c.type.isError).map((c) => this.text(c)).join("");
    if (importAt < 0) return { kind: "other", line };
    const imported = children.slice(importAt + 1).filter((c) => c.name !== "(" && c.name !== ")" && !c.type.isError);
    if (imported[0]?.name === "*") return { kind: "star-import", module, line };
    const names = imported.filter((c) => c.name === "VariableName").map((c) => this.text(c));
    const bindings = split(imported, isComma).filter((part) => part[0]?.name === "VariableName").map((part) => {
      const name2 = this.text(part[0]);
      return { name: name2, as: part[1]?.name === "as" && part[2] ? this.text(part[2]) : name2 };
    });
    return { kind: "import", module, names, line, bindings };
  }
  // -------------------------------------------------------------------------
  // Expressions
  /** A statement-level expression list: `a, b` is a tuple, as in Python. */
  topExpression(nodes, line) {
    this.tooDeep = false;
    const items = split(nodes, isComma);
    let value;
    if (items.length === 1) value = this.itemOf(items[0], 0);
    else value = { kind: "tuple", items: items.filter((i) => i.length).map((i) => this.itemOf(i, 0)), line: this.lineAt(nodes[0].from) };
    return this.tooDeep ? { kind: "unknown", text: "nested too deeply", line } : value;
  }
  /** One item of a display or an expression list: `x` or `*x`. */
  itemOf(part, depth) {
    const nodes = meaningful(part);
    if (nodes.length === 2 && nodes[0].name === "*") return { kind: "starred", value: this.expr(nodes[1], depth + 1), line: this.lineAt(nodes[0].from) };
    if (nodes.length === 1) return this.expr(nodes[0], depth);
    return this.unknown(part[0] ?? null, "expression");
  }
  unknown(node, text) {
    return { kind: "unknown", text, line: node ? this.lineAt(node.from) : 0 };
  }
  expr(node, depth) {
    if (depth > MAX_EXPRESSION_DEPTH) {
      this.tooDeep = true;
      return this.unknown(node, "nested too deeply");
    }
    const line = this.lineAt(node.from);
    switch (node.name) {
      case "String":
      case "FormatString":
      case "ContinuedString": {
        let value = "";
        let fString = false;
        for (const part of node.name === "ContinuedString" ? kids(node) : [node]) {
          if (part.name !== "String" && part.name !== "FormatString") continue;
          value += this.stringValue(part);
          if (part.name === "FormatString") fString = true;
        }
        return fString ? { kind: "str", value, line, fString } : { kind: "str", value, line };
      }
      case "Number": {
        const raw = this.text(node);
        const clean2 = raw.replace(/_/g, "");
        const value = /^0[xob]/i.test(clean2) ? Number(clean2) : parseFloat(clean2);
        return Number.isFinite(value) && !/[jJ]$/.test(clean2) ? { kind: "num", value, line } : { kind: "unknown", text: raw, line };
      }
      case "Boolean":
        return { kind: "bool", value: this.text(node) === "True", line };
      case "None":
        return { kind: "none", line };
      case "VariableName":
        return { kind: "name", name: this.text(node), line };
      case "ParenthesizedExpression": {
        const inner = meaningful(kids(node)).filter((c) => c.name !== "(" && c.name !== ")");
        return inner.length === 1 ? this.expr(inner[0], depth + 1) : this.unknown(node, "parenthesized expression");
      }
      case "TupleExpression":
      case "ArrayExpression":
      case "SetExpression": {
        const inner = unbracketed(kids(node));
        const items = split(inner, isComma).filter((part) => part.length).map((part) => this.itemOf(part, depth + 1));
        return { kind: node.name === "TupleExpression" ? "tuple" : node.name === "ArrayExpression" ? "list" : "set", items, line };
      }
      case "DictionaryExpression":
        return this.dictOf(node, depth, line);
      case "ArrayComprehensionExpression":
        return { kind: "unknown", text: "list comprehension", line };
      case "ComprehensionExpression":
      case "SetComprehensionExpression":
      case "DictionaryComprehensionExpression":
        return { kind: "unknown", text: "comprehension", line };
      case "MemberExpression":
        return this.memberOf(node, depth, line);
      case "CallExpression": {
        const [calleeNode, argList] = kids(node);
        if (!calleeNode || argList?.name !== "ArgList") return this.unknown(node, "call");
        const callee = this.expr(calleeNode, depth + 1);
        const { args, kwargs } = this.argumentsOf(argList, depth + 1);
        return { kind: "call", callee, args, kwargs, line, endLine: this.lineAt(Math.max(argList.from, argList.to - 1)) };
      }
      case "UnaryExpression": {
        const [opNode, operandNode] = meaningful(kids(node));
        if (!opNode || !operandNode) return this.unknown(node, "unary expression");
        const op = this.text(opNode);
        const operand = this.expr(operandNode, depth + 1);
        if (operand.kind === "num" && (op === "-" || op === "+")) return { ...operand, value: op === "-" ? -operand.value : operand.value, line };
        return { kind: "unary", op, operand, line };
      }
      case "BinaryExpression": {
        const children = meaningful(kids(node));
        if (children.length < 3) return this.unknown(node, "binary expression");
        const op = children.slice(1, -1).map((c) => this.text(c)).join(" ");
        return { kind: "binop", op, left: this.expr(children[0], depth + 1), right: this.expr(children[children.length - 1], depth + 1), line };
      }
      case "ConditionalExpression": {
        const [then, , test, , otherwise] = meaningful(kids(node));
        if (!then || !test || !otherwise) return this.unknown(node, "conditional expression");
        return { kind: "ternary", test: this.expr(test, depth + 1), then: this.expr(then, depth + 1), otherwise: this.expr(otherwise, depth + 1), line };
      }
      default:
        return { kind: "unknown", text: node.name, line };
    }
  }
  /** `{k: v, **base}`: the literal entries (an unpacked mapping adds none); `{}` is a dict. */
  dictOf(node, depth, line) {
    const entries = [];
    for (const part of split(unbracketed(kids(node)), isComma)) {
      const nodes = meaningful(part);
      const colon = nodes.findIndex((c) => c.name === ":");
      if (colon === 1 && nodes.length === 3) entries.push({ key: this.expr(nodes[0], depth + 1), value: this.expr(nodes[2], depth + 1) });
    }
    return { kind: "dict", entries, line };
  }
  /** `a.b` or `a[i]`; a slice is an unknown index. */
  memberOf(node, depth, line) {
    const children = kids(node);
    const object = children[0] ? this.expr(children[0], depth + 1) : this.unknown(node, "member");
    if (children[1]?.name === ".") {
      const property = children[2];
      return property?.name === "PropertyName" ? { kind: "attr", object, name: this.text(property), line } : this.unknown(node, "attribute");
    }
    const inner = meaningful(children.slice(2, children[children.length - 1]?.name === "]" ? -1 : void 0));
    let index;
    if (!inner.length) index = this.unknown(node, "[]");
    else if (inner.some((c) => c.name === ":")) index = this.unknown(node, "slice");
    else {
      const items = split(inner, isComma).filter((part) => part.length);
      index = items.length === 1 && !inner.some(isComma) ? this.itemOf(items[0], depth + 1) : { kind: "tuple", items: items.map((i) => this.itemOf(i, depth + 1)), line };
    }
    return { kind: "subscript", object, index, line };
  }
  /** Positional and keyword arguments; `*args`/`**kwargs` are unknown positionals, a generator argument is unknown. */
  argumentsOf(argList, depth) {
    const args = [];
    const kwargs = {};
    const children = kids(argList).filter((c) => !OPENING.has(c.name) && !CLOSING.has(c.name));
    for (const part of split(children, isComma)) {
      const nodes = meaningful(part);
      if (!nodes.length) continue;
      const first = nodes[0];
      if (nodes.some((c) => c.name === "for")) {
        args.push(this.unknown(first, "comprehension"));
        break;
      }
      if (first.name === "*" || first.name === "**") args.push(this.unknown(first, "unpacked arguments"));
      else if (first.name === "VariableName" && nodes[1]?.name === "AssignOp" && this.text(nodes[1]) === "=" && nodes[2]) kwargs[this.text(first)] = this.expr(nodes[2], depth + 1);
      else if (nodes.length === 1) args.push(this.expr(first, depth + 1));
      else args.push(this.unknown(first, "argument"));
    }
    return { args, kwargs };
  }
  /** The value of a String or FormatString node, escapes resolved unless raw (f-strings keep their braces). */
  stringValue(node) {
    const { prefix, content: content2 } = this.quoting(node);
    return prefix.includes("r") ? content2 : unescape3(content2);
  }
  /** Prefix letters, the text between the quotes, and whether both quotes are there. */
  quoting(node) {
    const text = this.text(node);
    let p = 0;
    while (p < text.length && p < 3 && /[a-zA-Z]/.test(text[p])) p++;
    const quoted = text[p] === '"' || text[p] === "'";
    const q = text.startsWith('"""', p) || text.startsWith("'''", p) ? 3 : 1;
    let closed = quoted && text.length >= p + 2 * q && text.endsWith(text.slice(p, p + q));
    if (closed) {
      let slashes = 0;
      for (let i = text.length - q - 1; i >= p + q && text[i] === "\\"; i--) slashes++;
      closed = slashes % 2 === 0;
    }
    return { prefix: text.slice(0, p).toLowerCase(), content: text.slice(p + q, closed ? text.length - q : text.length), quoted, closed };
  }
  // -------------------------------------------------------------------------
  // Errors
  /**
   * Unterminated strings, then an unclosed bracket at the end, then the other
   * syntax errors, one per line. Lezer cuts trees that nest thousands deep or
   * chain hundreds of `+` (with error nodes where it cut), so errors on a line
   * that nests deeper than any hand-written code are that limit, not the code's:
   * the statement there is unknown, the module is not broken.
   */
  errors() {
    const strings2 = [];
    const found = this.errorPositions;
    const syntax = [];
    const deepLines = /* @__PURE__ */ new Set();
    let unclosed;
    const end = this.source.trimEnd().length;
    let depth = 0;
    this.tree.iterate({
      enter: (ref) => {
        if (ref.name === "String" || ref.name === "FormatString") {
          const { quoted, closed } = this.quoting(ref.node);
          if (!quoted) {
            found.push(ref.from);
            syntax.push(ref.from);
          } else if (!closed) {
            found.push(ref.from);
            if (strings2.length < MAX_ERRORS) strings2.push({ line: this.lineAt(ref.from), message: "unterminated string" });
          }
          return false;
        }
        if (ref.type.isError) {
          found.push(ref.from);
          if (ref.from >= end && !unclosed && this.insideOpenBracket(ref.node)) unclosed = { line: this.lineStarts.length + this.firstLine - 1, message: "unclosed bracket at end of file" };
          else syntax.push(ref.from);
          return false;
        }
        if (++depth > MAX_EXPRESSION_DEPTH) deepLines.add(this.lineAt(ref.from));
        return void 0;
      },
      leave: () => {
        depth--;
      }
    });
    const others = [];
    for (const pos of syntax) {
      const line = this.lineAt(pos);
      if (others.length < MAX_ERRORS && !deepLines.has(line) && others[others.length - 1]?.line !== line) others.push({ line, message: "syntax error" });
    }
    return [...strings2, ...unclosed ? [unclosed] : [], ...others].slice(0, MAX_ERRORS);
  }
  /** Whether an enclosing node opens a bracket it never closes. */
  insideOpenBracket(node) {
    for (let at = node.parent; at; at = at.parent) {
      let open = 0;
      for (let c = at.firstChild; c; c = c.nextSibling) {
        if (OPENING.has(c.name)) open++;
        else if (CLOSING.has(c.name)) open--;
      }
      if (open > 0) return true;
    }
    return false;
  }
};
var lastLineOf = (body, fallback) => {
  const last = body[body.length - 1];
  if (!last) return fallback;
  return "endLine" in last ? last.endLine : last.line;
};
function callsNamed(module, name2) {
  const { source, tree } = module.syntax;
  const reader = new Reader(source, tree);
  const out = [];
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== "CallExpression") return void 0;
      const callee = ref.node.firstChild;
      const last = callee?.name === "MemberExpression" ? callee.lastChild : callee;
      if (last?.name !== "VariableName" && last?.name !== "PropertyName") return void 0;
      if (source.slice(last.from, last.to) !== name2) return void 0;
      const call = reader.expr(ref.node, 0);
      for (const inner of callsIn(call)) if (calleeName(inner) === name2) out.push(inner);
      return false;
    }
  });
  return out;
}
function stringLiterals(module) {
  const { source, tree } = module.syntax;
  const reader = new Reader(source, tree);
  const out = [];
  tree.iterate({
    enter: (ref) => {
      if (ref.name !== "String" && ref.name !== "FormatString") return void 0;
      out.push({ value: reader.stringValue(ref.node), line: reader.lineAt(ref.from) });
      return false;
    }
  });
  return out;
}

// src/parse/python/evaluate.ts
var ENV_GET_CALLS = /* @__PURE__ */ new Set(["os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault"]);
var ENV_READER_METHODS = /* @__PURE__ */ new Set(["bool", "str", "int", "float", "list", "tuple", "json", "url", "db", "db_url", "cache", "cache_url", "get_value", "dict", "path"]);
var DECOUPLE_CALLS = /* @__PURE__ */ new Set(["config", "decouple.config", "env_config"]);
var unknown = (reason, envVar) => envVar ? { known: false, reason, envVar } : { known: false, reason };
var known = (value, envVar) => envVar ? { known: true, value, envVar } : { known: true, value };
function pyRepr(value) {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pyRepr(v)}`).join(", ")}}`;
}
function truthy(value) {
  if (value === null || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}
function castBool(value) {
  if (typeof value === "boolean") return value;
  if (value === null) return false;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const v = value.trim().toLowerCase();
    if (["1", "true", "yes", "on", "y", "t"].includes(v)) return true;
    if (["0", "false", "no", "off", "n", "f", ""].includes(v)) return false;
  }
  return void 0;
}
function castTo(cast, value) {
  switch (cast) {
    case void 0:
    case "str":
      return value;
    case "bool":
      return castBool(value);
    case "int":
    case "float": {
      if (typeof value === "number") return value;
      const n = typeof value === "string" ? Number(value.trim()) : NaN;
      return Number.isFinite(n) ? n : void 0;
    }
    case "list":
    case "tuple":
    case "Csv":
      if (Array.isArray(value)) return value;
      if (typeof value === "string") return value === "" ? [] : value.split(",").map((s) => s.trim());
      return void 0;
    default:
      return void 0;
  }
}
function castName(expr) {
  if (!expr) return void 0;
  if (expr.kind === "name") return expr.name;
  if (expr.kind === "call") return calleeName(expr);
  if (expr.kind === "attr") return expr.name;
  return void 0;
}
function evaluate2(expr, scope) {
  switch (expr.kind) {
    case "str":
      return expr.fString ? unknown("f-string") : known(expr.value);
    case "num":
    case "bool":
      return known(expr.value);
    case "none":
      return known(null);
    case "list":
    case "tuple":
    case "set": {
      const items = [];
      for (const item of expr.items) {
        const r = evaluate2(item.kind === "starred" ? item.value : item, scope);
        if (!r.known) return r;
        if (item.kind !== "starred") items.push(r.value);
        else if (Array.isArray(r.value)) items.push(...r.value);
        else if (typeof r.value === "string") items.push(...r.value);
        else return unknown("unpacked value");
      }
      return known(items);
    }
    case "dict": {
      const out = {};
      for (const { key, value } of expr.entries) {
        const k = evaluate2(key, scope);
        const v = evaluate2(value, scope);
        if (!k.known || typeof k.value !== "string") return unknown("dict with a computed key");
        if (!v.known) return v;
        out[k.value] = v.value;
      }
      return known(out);
    }
    case "name":
      return scope.lookup(expr.name) ?? unknown(`${expr.name} is not known`);
    case "attr": {
      const dotted = dottedName(expr);
      return dotted && scope.lookup(dotted) || unknown(dotted ?? "attribute");
    }
    case "subscript": {
      const target = dottedName(expr.object);
      const key = evaluate2(expr.index, scope);
      if ((target === "os.environ" || target === "environ") && key.known && typeof key.value === "string") {
        return unknown(`required from the environment (${key.value})`, key.value);
      }
      const object = evaluate2(expr.object, scope);
      if (object.known && key.known) {
        if (Array.isArray(object.value) && typeof key.value === "number") {
          const v = object.value[key.value < 0 ? object.value.length + key.value : key.value];
          if (v !== void 0) return known(v);
        }
        if (object.value && typeof object.value === "object" && !Array.isArray(object.value) && typeof key.value === "string" && key.value in object.value) {
          return known(object.value[key.value]);
        }
      }
      return unknown("subscript");
    }
    case "call":
      return evaluateCall(expr, scope);
    case "unary": {
      const r = evaluate2(expr.operand, scope);
      if (!r.known) return r;
      if (expr.op === "not") return known(!truthy(r.value), r.envVar);
      return unknown(`unary ${expr.op}`);
    }
    case "ternary": {
      const test = evaluate2(expr.test, scope);
      if (!test.known) return test;
      const chosen = evaluate2(truthy(test.value) ? expr.then : expr.otherwise, scope);
      return chosen.known && !chosen.envVar && test.envVar ? known(chosen.value, test.envVar) : chosen;
    }
    case "binop":
      return evaluateBinary(expr, scope);
    default:
      return unknown(expr.kind === "starred" ? "unpacked value" : "expression");
  }
}
function evaluateBinary(expr, scope) {
  const left = evaluate2(expr.left, scope);
  if (expr.op === "or" || expr.op === "and") {
    if (!left.known) return left;
    const shortCircuit = expr.op === "or" ? truthy(left.value) : !truthy(left.value);
    if (shortCircuit) return left;
    const right2 = evaluate2(expr.right, scope);
    return right2.known ? known(right2.value, right2.envVar ?? left.envVar) : right2;
  }
  const right = evaluate2(expr.right, scope);
  if (!left.known) return left;
  if (!right.known) return right;
  const envVar = left.envVar ?? right.envVar;
  const a = left.value;
  const b = right.value;
  switch (expr.op) {
    case "==":
      return known(JSON.stringify(a) === JSON.stringify(b), envVar);
    case "!=":
      return known(JSON.stringify(a) !== JSON.stringify(b), envVar);
    case "is":
      return a === null || b === null || typeof a === "boolean" ? known(a === b, envVar) : unknown("is");
    case "is not":
      return a === null || b === null || typeof a === "boolean" ? known(a !== b, envVar) : unknown("is not");
    case "in":
    case "not in": {
      let found;
      if (Array.isArray(b)) found = b.some((x) => JSON.stringify(x) === JSON.stringify(a));
      else if (typeof b === "string" && typeof a === "string") found = b.includes(a);
      else if (b && typeof b === "object" && typeof a === "string") found = a in b;
      if (found === void 0) return unknown("in");
      return known(expr.op === "in" ? found : !found, envVar);
    }
    case "+":
      if (typeof a === "string" && typeof b === "string") return known(a + b, envVar);
      if (typeof a === "number" && typeof b === "number") return known(a + b, envVar);
      if (Array.isArray(a) && Array.isArray(b)) return known([...a, ...b], envVar);
      return unknown("+");
    case "*":
      if (typeof a === "number" && typeof b === "number") return known(a * b, envVar);
      return unknown("*");
    default:
      return unknown(expr.op);
  }
}
function evaluateCall(call, scope) {
  const name2 = dottedName(call.callee);
  const first = call.args[0] ? evaluate2(call.args[0], scope) : void 0;
  const varName = first?.known && typeof first.value === "string" ? first.value : void 0;
  if (name2 && ENV_GET_CALLS.has(name2) && varName) {
    const fallback = call.args[1] ?? call.kwargs.default;
    if (!fallback) return known(null, varName);
    const r = evaluate2(fallback, scope);
    return r.known ? known(r.value, varName) : unknown(r.reason, varName);
  }
  if (name2 && DECOUPLE_CALLS.has(name2) && varName) {
    const fallback = call.kwargs.default ?? call.args[1];
    if (!fallback) return unknown(`required from the environment (${varName})`, varName);
    const r = evaluate2(fallback, scope);
    if (!r.known) return unknown(r.reason, varName);
    const cast = castName(call.kwargs.cast);
    const value = typeof r.value === "string" ? castTo(cast, r.value) : r.value;
    return value === void 0 ? unknown("cast", varName) : known(value, varName);
  }
  if (call.callee.kind === "attr" && call.callee.object.kind === "name" && /env/i.test(call.callee.object.name) && ENV_READER_METHODS.has(call.callee.name) && varName) {
    const method = call.callee.name;
    return envReader(method === "get_value" ? castName(call.kwargs.cast) : method, call, varName, scope);
  }
  if (call.callee.kind === "name" && /^env$/i.test(call.callee.name) && varName) {
    return envReader(castName(call.kwargs.cast), call, varName, scope);
  }
  if (name2 === "getattr" && call.args[0] && call.args[1]) {
    const object = dottedName(call.args[0]);
    const attr = evaluate2(call.args[1], scope);
    const found = object && attr.known && typeof attr.value === "string" ? scope.lookup(`${object}.${attr.value}`) : void 0;
    if (found) return found;
    return call.args[2] && object && scope.isModule?.(object) ? evaluate2(call.args[2], scope) : unknown("getattr");
  }
  const helper = projectEnvHelper(call, name2, varName, scope);
  if (helper) return helper;
  if (name2 === "bool" && first?.known) return known(truthy(first.value), first.envVar);
  if ((name2 === "strtobool" || name2 === "distutils.util.strtobool" || name2 === "util.strtobool") && first?.known) {
    const b = castBool(first.value);
    return b === void 0 ? unknown("strtobool") : known(b ? 1 : 0, first.envVar);
  }
  if ((name2 === "int" || name2 === "float") && first?.known) {
    const v = castTo("int", first.value);
    return v === void 0 ? unknown(name2) : known(v, first.envVar);
  }
  if (name2 === "str" && first?.known && typeof first.value !== "object") return known(first.value === null ? "None" : String(first.value), first.envVar);
  if ((name2 === "ast.literal_eval" || name2 === "literal_eval" || name2 === "json.loads") && first?.known && typeof first.value === "string") {
    const lowered = first.value.trim();
    if (["True", "true"].includes(lowered)) return known(true, first.envVar);
    if (["False", "false"].includes(lowered)) return known(false, first.envVar);
    const n = Number(lowered);
    if (lowered !== "" && Number.isFinite(n)) return known(n, first.envVar);
    return unknown(name2);
  }
  if (call.callee.kind === "attr") {
    const receiver = evaluate2(call.callee.object, scope);
    if (!receiver.known) return receiver;
    const v = receiver.value;
    if (typeof v === "string") {
      const sep = call.args[0] ? evaluate2(call.args[0], scope) : void 0;
      switch (call.callee.name) {
        case "lower":
        case "casefold":
          return known(v.toLowerCase(), receiver.envVar);
        case "upper":
          return known(v.toUpperCase(), receiver.envVar);
        case "strip":
          return known(v.trim(), receiver.envVar);
        case "capitalize":
          return known(v.charAt(0).toUpperCase() + v.slice(1).toLowerCase(), receiver.envVar);
        case "split":
          if (!sep) return known(v.split(/\s+/).filter(Boolean), receiver.envVar);
          if (sep.known && typeof sep.value === "string") return known(v.split(sep.value), receiver.envVar);
          return unknown("split");
        case "startswith":
          return sep?.known && typeof sep.value === "string" ? known(v.startsWith(sep.value), receiver.envVar) : unknown("startswith");
        default:
          return unknown(`str.${call.callee.name}`);
      }
    }
  }
  return unknown(name2 ? `${name2}()` : "call");
}
var ENV_HELPER_NAME = /(^|_)(env|environ|getenv|config|setting)(_|$)|env$|^getenv|from_?env/i;
var ENV_VAR_NAME = /^[A-Z][A-Z0-9_]*$/;
function projectEnvHelper(call, name2, varName, scope) {
  const fn = calleeName(call);
  if (!fn || !varName || !ENV_VAR_NAME.test(varName) || !ENV_HELPER_NAME.test(fn)) return void 0;
  const fallback = call.kwargs.default ?? call.kwargs.default_value ?? call.kwargs.fallback ?? call.args[1];
  if (!fallback) return unknown(`${fn}("${varName}") without a default`, varName);
  const r = evaluate2(fallback, scope);
  if (!r.known) return unknown(r.reason, varName);
  const cast = castName(call.kwargs.cast) ?? (/bool/i.test(fn) ? "bool" : /int/i.test(fn) ? "int" : /list|csv/i.test(fn) ? "list" : void 0);
  const value = typeof r.value === "string" ? castTo(cast, r.value) : r.value;
  if (value === void 0) return unknown("cast", varName);
  return { known: true, value, envVar: varName, via: name2 ?? fn };
}
function envReader(cast, call, varName, scope) {
  const fallback = call.kwargs.default ?? call.args[1];
  const scheme = scope.envSchemes?.get(varName);
  let value = fallback ? evaluate2(fallback, scope) : scheme?.default;
  const effectiveCast = cast ?? scheme?.cast;
  if (!value) return unknown(`required from the environment (${varName})`, varName);
  if (!value.known) return unknown(value.reason, varName);
  const casted = typeof value.value === "string" ? castTo(effectiveCast, value.value) : value.value;
  value = casted === void 0 ? unknown("cast", varName) : known(casted, varName);
  return value;
}
function envSchemesOf(call, scope) {
  const out = /* @__PURE__ */ new Map();
  for (const [name2, value] of Object.entries(call.kwargs)) {
    if (value.kind === "tuple" && value.items.length >= 1) {
      const entry = {};
      const cast = castName(value.items[0]);
      if (cast) entry.cast = cast;
      if (value.items[1]) entry.default = evaluate2(value.items[1], scope);
      out.set(name2, entry);
    } else {
      const cast = castName(value);
      out.set(name2, cast ? { cast } : {});
    }
  }
  return out;
}

// src/model/settings.ts
var NAMING_FILE = /(^|\/)(manage\.py|wsgi\.py|asgi\.py|celery\.py|uwsgi[^/]*\.ini|gunicorn[^/]*\.(py|conf)|Dockerfile[^/]*|[^/]*\.dockerfile|Procfile[^/]*|[^/]*compose[^/]*\.ya?ml|\.env[^/]*|[^/]*\.env|app\.ya?ml|fly\.toml|render\.yaml|[^/]*\.ya?ml)$/;
var NAMED = /DJANGO_SETTINGS_MODULE["']?\s*(?:=|:|,)\s*["']?([A-Za-z_][\w.]*)/g;
var DOCKER_ENV_SPACE = /^\s*ENV\s+DJANGO_SETTINGS_MODULE\s+["']?([A-Za-z_][\w.]*)/gm;
var MAX_BYTES2 = 512 * 1024;
async function findSettingsReferences(files, roles) {
  const references = [];
  const unread2 = files.notRead((p) => p.endsWith(".py")).map((s) => s.path);
  if (!files.files.some((f) => f.path.endsWith(".py")) && !unread2.length) return { references };
  const modules = unread2.length ? withUnread(files, unread2) : files;
  for (const file of files.files) {
    if (!NAMING_FILE.test(file.path) || file.size > MAX_BYTES2 || !roles.isDeployed(file.path)) continue;
    const text = await files.read(file.path);
    if (!text || !text.includes("DJANGO_SETTINGS_MODULE")) continue;
    const byManagePy = /(^|\/)manage\.py$/.test(file.path);
    const matches = [...text.matchAll(NAMED), ...isDockerfile(file.path) ? text.matchAll(DOCKER_ENV_SPACE) : []];
    for (const m of matches) {
      const module = m[1];
      const line = text.slice(0, m.index).split("\n").length;
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      const asDefault = byManagePy || /\bsetdefault\s*\(\s*$/.test(text.slice(Math.max(lineStart, m.index - 200), m.index).replace(/["']$/, ""));
      const path = resolveModule(modules, module, file.path);
      if (path) references.push({ module, path, namedIn: file.path, line, asDefault });
      else if (isDockerfile(file.path)) {
        const copied = copiedInto(files, text, file.path, module);
        if (copied) references.push({ module, ...copied, namedIn: file.path, line, asDefault });
      }
    }
  }
  return { references };
}
function withUnread(files, unread2) {
  const extra = new Set(unread2);
  return { has: (p) => files.has(p) || extra.has(p), files: [...files.files, ...unread2.map((path) => ({ path, size: 0, tracked: false }))] };
}
function copiedInto(files, dockerfile, dockerPath, module) {
  const parts = module.split(".");
  const target = `${parts.join("/")}.py`;
  const dir = dockerPath.includes("/") ? dockerPath.slice(0, dockerPath.lastIndexOf("/") + 1) : "";
  for (const m of dockerfile.matchAll(/\b(?:cp|mv|COPY|ADD)\s+(?:-\S+\s+)*([\w./-]+\.py)\s+([\w./-]+\.py)\b/g)) {
    const [, source, dest] = m;
    if (!`/${dest}`.endsWith(`/${target}`)) continue;
    const path = [source.replace(/^\.\//, ""), dir + source.replace(/^\.\//, "")].find((p) => files.has(p));
    if (!path) continue;
    const pkg = parts.length > 1 ? resolveModule(files, parts.slice(0, -1).join("."), dockerPath) : void 0;
    const base = pkg ? pkg.replace(/(\/__init__)?\.py$/, "").replace(/[^/]*$/, "") : "";
    return { path, asPath: `${base}${target}` };
  }
  return void 0;
}
function resolveModule(files, module, fromPath) {
  const dots = /^\.*/.exec(module)[0].length;
  const rest = module.slice(dots).split(".").filter(Boolean);
  const tryPaths = (base) => {
    const stem = [...base, ...rest].join("/");
    for (const candidate of [`${stem}.py`, `${stem}/__init__.py`]) if (files.has(candidate)) return candidate;
    return void 0;
  };
  if (dots > 0) {
    const dir = fromPath.split("/").slice(0, -1);
    return tryPaths(dir.slice(0, dir.length - (dots - 1)));
  }
  if (!rest.length) return void 0;
  const exact = tryPaths([]);
  if (exact) return exact;
  const suffixes = [`/${rest.join("/")}.py`, `/${rest.join("/")}/__init__.py`];
  const matches = files.files.filter((f) => suffixes.some((s) => f.path.endsWith(s))).map((f) => f.path);
  if (matches.length <= 1) return matches[0];
  return matches.sort((a, b) => sharedPrefix(b, fromPath) - sharedPrefix(a, fromPath) || a.length - b.length)[0];
}
function sharedPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
var parsePython = (parsed, path) => parsed.memo("python", path, (text) => parsePythonModule(text));
async function settingsClosure(files, parsed, root, asPath = root) {
  const out = [];
  const queue = [[root, asPath]];
  while (queue.length && out.length < 50) {
    const [path, at] = queue.shift();
    if (out.includes(path)) continue;
    out.push(path);
    const module = await parsePython(parsed, path);
    for (const s of module?.statements ?? []) {
      const follows = s.kind === "star-import" || s.kind === "import" && s.module !== "" && s.names.some((n) => /^[A-Z][A-Z0-9_]+$/.test(n));
      if (!follows) continue;
      const target = resolveModule(files, s.module, at);
      if (target) queue.push([target, target]);
    }
  }
  return out;
}
var LIFTED_ROLES = /* @__PURE__ */ new Set(["example", "unknown"]);
async function settingsRoleOverrides(files, parsed, roles, settings) {
  const overrides2 = /* @__PURE__ */ new Map();
  for (const ref of settings.references) {
    if (roles.of(ref.namedIn).role !== "production") continue;
    for (const path of await settingsClosure(files, parsed, ref.path, ref.asPath)) {
      if (overrides2.has(path) || !LIFTED_ROLES.has(roles.of(path).role)) continue;
      overrides2.set(path, { role: "production", reason: `read by the settings module ${ref.module}, named by DJANGO_SETTINGS_MODULE in ${ref.namedIn}:${ref.line}`, rule: "evidence:settings-module" });
    }
  }
  return overrides2;
}
var SETTINGS_RESOLUTION_DOC = [
  "Django settings are judged as the production process would load them:",
  "",
  "- **Which module.** The module named by `DJANGO_SETTINGS_MODULE` in a production or development file: wsgi.py/asgi.py/celery.py, a Dockerfile `ENV` (both `ENV K=V` and `ENV K V`), a compose `environment`, an env file, a Procfile, any YAML (manage.py counts too, after the others, since it often names the development settings). A Dockerfile that copies a file into place (`RUN cp docker/config.py settings/config.py`) names that file. Without any, settings files that assign Django settings (`SECRET_KEY`, `DEBUG`, `ALLOWED_HOSTS`, `MIDDLEWARE`...) are candidates; helper modules (`settings_utils.py`) are not. A module so named is production even in a folder the role table calls `example` (a project package named `example`).",
  '- **Which values.** Star imports (`from .base import *`) and django-split-settings `include()` in order; `from .configuration import ALLOWED_HOSTS`, `import configuration` and `importlib.import_module(...)` + `getattr(configuration, "X", default)` read the other module and report at its line; `X += [...]`, `X = [*X, ...]`, `.append/.insert/.extend/.remove` on known lists.',
  '- **Environment variables are taken as unset**, so a read with a literal default resolves to the default: `os.environ.get("DEBUG", "True")`, `env.bool("DEBUG", default=True)`, `config("DEBUG", cast=bool, default=True)`, `os.getenv("DEBUG", "True") == "True"`, and a project helper named for the environment (`get_bool_from_env("DEBUG", True)`, cast by its name); the message says which variable, and for a helper, whose default it is.',
  '- Branches on the environment (`if os.environ.get("ENV") == "production":`) are read as conditional and not judged on their own; a settings module production runs with that cannot be read is an `error`.'
].join("\n");

// src/parse/php-config.ts
var MAX_TOKENS2 = 2e5;
var MAX_DEPTH4 = 200;
var NUMBER2 = /\d[\d_]*(\.\d+)?/y;
var VARIABLE2 = /\$[A-Za-z_]\w*/y;
var WORD2 = /\\?[A-Za-z_][\w\\]*/y;
function tokenize2(text) {
  const tokens = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const at = (re) => {
    re.lastIndex = i;
    return re.exec(text)?.[0];
  };
  while (i < n && tokens.length < MAX_TOKENS2) {
    const c = text[i];
    if (c === "\n") {
      line++;
      i++;
      continue;
    }
    if (c === " " || c === "	" || c === "\r") {
      i++;
      continue;
    }
    if (text.startsWith("<?php", i)) {
      i += 5;
      continue;
    }
    if (c === "#" || text.startsWith("//", i)) {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === "\n") line++;
      i = stop;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = line;
      let value = "";
      let interpolated = false;
      i++;
      while (i < n && text[i] !== c) {
        const ch = text[i];
        if (ch === "\n") line++;
        if (ch === "\\" && i + 1 < n) {
          const next = text[i + 1];
          if (next === c || next === "\\") {
            value += next;
            i += 2;
            continue;
          }
          if (c === '"' && next === "$") {
            value += "$";
            i += 2;
            continue;
          }
        }
        if (c === '"' && ch === "$" && /[A-Za-z_{]/.test(text[i + 1] ?? "")) interpolated = true;
        value += ch;
        i++;
      }
      i++;
      tokens.push({ type: "str", text: value, line: start, interpolated });
      continue;
    }
    const num = at(NUMBER2);
    if (num) {
      tokens.push({ type: "num", text: num, line });
      i += num.length;
      continue;
    }
    if (c === "$") {
      const m = at(VARIABLE2);
      tokens.push({ type: "var", text: m ?? "$", line });
      i += m ? m.length : 1;
      continue;
    }
    const word = at(WORD2);
    if (word) {
      tokens.push({ type: "word", text: word, line });
      i += word.length;
      continue;
    }
    const punct = ["=>", "::", "->", "??", "?:", "==", "!=", "&&", "||"].find((p) => text.startsWith(p, i)) ?? c;
    tokens.push({ type: "punct", text: punct, line });
    i += punct.length;
  }
  return tokens;
}
var SyntaxProblem2 = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
  line;
};
var CASTS = /* @__PURE__ */ new Set(["bool", "boolean", "int", "integer", "string", "float"]);
var Reader2 = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  at = 0;
  depth = 0;
  peek(offset = 0) {
    return this.tokens[this.at + offset];
  }
  /** The value at the cursor, up to a `,` `]` or `)` at depth 0. */
  value() {
    if (++this.depth > MAX_DEPTH4) throw new SyntaxProblem2("values nested too deeply to read", this.peek()?.line ?? 1);
    try {
      return this.valueAt();
    } finally {
      this.depth--;
    }
  }
  valueAt() {
    const start = this.at;
    const first = this.peek();
    if (!first) throw new SyntaxProblem2("unexpected end of file", this.tokens.at(-1)?.line ?? 1);
    const simple = this.simpleValue();
    const next = this.peek();
    if (simple && (!next || [",", "]", ")", ";"].includes(next.text))) return simple;
    if (simple && next && next.type !== "punct" && next.type !== "word") throw this.missingComma(next);
    this.at = start;
    this.skipExpression();
    const text = this.tokens.slice(start, this.at).map((t2) => t2.type === "str" ? `'${t2.text}'` : t2.text).join(" ");
    return { kind: "computed", text: text.slice(0, 200), line: first.line };
  }
  simpleValue() {
    const t2 = this.peek();
    if (!t2) return void 0;
    if (t2.type === "str" && !t2.interpolated) {
      this.at++;
      return { kind: "literal", value: t2.text, line: t2.line };
    }
    if (t2.type === "num") {
      this.at++;
      return { kind: "literal", value: Number(t2.text.replace(/_/g, "")), line: t2.line };
    }
    if (t2.type === "punct" && t2.text === "-" && this.peek(1)?.type === "num") {
      this.at += 2;
      return { kind: "literal", value: -Number(this.peek(-1).text), line: t2.line };
    }
    if (t2.type === "word" && /^(true|false|null)$/i.test(t2.text)) {
      this.at++;
      const w = t2.text.toLowerCase();
      return { kind: "literal", value: w === "null" ? null : w === "true", line: t2.line };
    }
    if (t2.type === "punct" && t2.text === "(" && this.peek(1)?.type === "word" && CASTS.has(this.peek(1).text.toLowerCase()) && this.peek(2)?.text === ")") {
      const cast = this.peek(1).text.toLowerCase();
      this.at += 3;
      const inner = this.simpleValue();
      return inner?.kind === "env" ? { ...inner, cast } : inner;
    }
    if (t2.type === "punct" && t2.text === "[") {
      this.at++;
      return this.array("]", t2.line);
    }
    if (t2.type === "word" && t2.text.toLowerCase() === "array" && this.peek(1)?.text === "(") {
      this.at += 2;
      return this.array(")", t2.line);
    }
    if (t2.type === "word" && /^\\?env$/.test(t2.text) && this.peek(1)?.text === "(" && this.peek(2)?.type === "str" && !this.peek(2).interpolated) {
      const name2 = this.peek(2).text;
      this.at += 3;
      let fallback;
      if (this.peek()?.text === ",") {
        this.at++;
        fallback = this.value();
      }
      if (this.peek()?.text !== ")") return void 0;
      this.at++;
      return { kind: "env", name: name2, ...fallback ? { fallback } : {}, line: t2.line };
    }
    return void 0;
  }
  array(close, line) {
    if (++this.depth > MAX_DEPTH4) throw new SyntaxProblem2("arrays nested too deeply to read", line);
    try {
      return this.arrayBody(close, line);
    } finally {
      this.depth--;
    }
  }
  arrayBody(close, line) {
    const entries = [];
    let computedKey = false;
    while (this.peek() && this.peek().text !== close) {
      const keyToken = this.peek();
      let key;
      if (keyToken.type === "str" && !keyToken.interpolated || keyToken.type === "num") {
        if (this.peek(1)?.text === "=>") {
          key = keyToken.text;
          this.at += 2;
        }
      } else if (this.lookAheadArrow()) {
        computedKey = true;
        this.skipUntil("=>");
        this.at++;
      }
      const value = this.value();
      entries.push({ ...key !== void 0 ? { key } : {}, value, line: keyToken.line });
      if (this.peek()?.text === ",") this.at++;
      else if (this.peek()?.text !== close) throw new SyntaxProblem2(`expected "," or "${close}", found "${this.peek()?.text ?? "the end of the file"}"`, this.peek()?.line ?? line);
    }
    if (!this.peek()) throw new SyntaxProblem2(`the array opened at line ${line} is not closed`, line);
    this.at++;
    return computedKey ? { kind: "computed", text: "an array with computed keys", line } : { kind: "array", entries, line };
  }
  /** Whether a `=>` comes before the next `,` or closing bracket at depth 0. */
  lookAheadArrow() {
    let depth = 0;
    for (let k = this.at; k < this.tokens.length; k++) {
      const t2 = this.tokens[k].text;
      if (depth === 0 && t2 === "=>") return true;
      if (["(", "[", "{"].includes(t2)) depth++;
      else if ([")", "]", "}"].includes(t2)) {
        if (depth === 0) return false;
        depth--;
      } else if (depth === 0 && (t2 === "," || t2 === ";")) return false;
    }
    return false;
  }
  skipUntil(text) {
    while (this.peek() && this.peek().text !== text) this.at++;
  }
  missingComma(t2) {
    return new SyntaxProblem2(`expected "," or a closing bracket, found "${t2.text}"`, t2.line);
  }
  /** Skips one expression: to the next `,` `;` or unmatched closing bracket at depth 0. */
  skipExpression() {
    let depth = 0;
    let previous;
    while (this.peek()) {
      const token = this.peek();
      const t2 = token.text;
      const cast = previous?.text === ")" && CASTS.has(this.peek(-2)?.text.toLowerCase() ?? "") && this.peek(-3)?.text === "(";
      const operandEnd = previous && !cast && (["str", "num", "var"].includes(previous.type) || previous.text === ")" || previous.text === "]");
      if (operandEnd && ["str", "num", "var"].includes(token.type)) throw this.missingComma(token);
      previous = token;
      if (["(", "[", "{"].includes(t2)) depth++;
      else if ([")", "]", "}"].includes(t2)) {
        if (depth === 0) return;
        depth--;
      } else if (depth === 0 && (t2 === "," || t2 === ";")) return;
      this.at++;
    }
  }
  /** Moves to the `return [` of the file (the array Laravel's config repository loads). */
  findReturn() {
    let depth = 0;
    while (this.peek()) {
      const t2 = this.peek();
      if (t2.text === "{") depth++;
      else if (t2.text === "}") depth--;
      else if (depth === 0 && t2.type === "word" && t2.text === "return") {
        this.at++;
        return true;
      }
      this.at++;
    }
    return false;
  }
};
function parsePhpConfig(text) {
  const reader = new Reader2(tokenize2(text));
  try {
    if (!reader.findReturn()) return {};
    const value = reader.value();
    if (value.kind !== "array") return {};
    return { value };
  } catch (e) {
    if (e instanceof SyntaxProblem2) return { error: { line: e.line, message: e.message } };
    throw e;
  }
}
function entryOf(value, key) {
  if (value?.kind !== "array") return void 0;
  for (let k = value.entries.length - 1; k >= 0; k--) if (value.entries[k].key === key) return value.entries[k];
  return void 0;
}

// src/model/frameworks/laravel.ts
var ARTISAN = /(^|\/)artisan$/;
var ENV_FILE = /(^|\/)\.env(\.[^/]+)?$/;
async function readLaravelApps(files, parsed, roles, deployments) {
  const apps = [];
  const productionEnvironment = deployments.list.filter((d) => d.role.role === "production").flatMap((d) => d.services.filter((service) => Object.keys(environmentOf(service)).some((k) => k.startsWith("APP_"))).map((service) => {
    const env = environmentOf(service);
    return { path: service.path, service: service.name, get: (name2) => name2 in env ? { value: env[name2], line: service.locate(["environment", name2]).line } : void 0 };
  }));
  for (const artisan of files.files.filter((f) => ARTISAN.test(f.path))) {
    const root = artisan.path.replace(/\/?artisan$/, "");
    const prefix = root ? `${root}/` : "";
    if (!roles.isDeployed(artisan.path)) continue;
    const configDir = [`${prefix}config`, `${prefix}app/Config`].find((d) => files.has(`${d}/app.php`));
    if (!configDir) continue;
    const envFiles = [];
    for (const f of files.files) {
      if (!f.path.startsWith(prefix) || !ENV_FILE.test(f.path)) continue;
      const env = await parsed.memo("dotenv-entries", f.path, (text) => parseDotenv(text));
      if (env) envFiles.push({ path: f.path, env });
    }
    apps.push({
      root,
      configDir,
      envFiles,
      productionEnvFiles: envFiles.filter((e) => roles.of(e.path).role === "production"),
      productionEnvironment,
      config: async (name2) => {
        const path = `${configDir}/${name2}.php`;
        if (!files.has(path)) return void 0;
        const file = await parsed.memo("php-config", path, (text) => parsePhpConfig(text));
        return file ? { path, file } : void 0;
      }
    });
  }
  return apps;
}
function laravelEnvValue(raw) {
  switch (raw.toLowerCase()) {
    case "true":
    case "(true)":
      return true;
    case "false":
    case "(false)":
      return false;
    case "null":
    case "(null)":
      return null;
    case "empty":
    case "(empty)":
      return "";
    default:
      return raw;
  }
}
function phpTruthy(value) {
  return !(value === void 0 || value === null || value === false || value === 0 || value === "" || value === "0");
}
var phpRepr = (value) => value === void 0 || value === null ? "null" : typeof value === "string" ? `'${value}'` : String(value);
function resolveSetting(app, path, file, key) {
  const entry = entryOf(file.value, key);
  if (!entry) return void 0;
  return resolveValue(app, path, entry.value, key);
}
function resolveValue(app, path, value, key) {
  const line = value.line;
  if (value.kind === "literal") return { path, line, value: value.value, known: true, how: `'${key}' => ${phpRepr(value.value)} (${path}:${line})` };
  if (value.kind === "env") {
    const set = productionSetting(app, value.name);
    if (set) {
      const v = laravelEnvValue(set.raw);
      return { path, line, value: v, known: true, envVar: value.name, setBy: set, how: `${value.name}=${set.raw} (${set.path}:${set.line}), read by '${key}' => env('${value.name}') (${path}:${line})` };
    }
    if (!value.fallback) return { path, line, value: null, known: true, envVar: value.name, how: `'${key}' => env('${value.name}') (${path}:${line}) is null when ${value.name} is unset` };
    if (value.fallback.kind === "literal") {
      return { path, line, value: value.fallback.value, known: true, envVar: value.name, how: `'${key}' falls back to ${phpRepr(value.fallback.value)} when ${value.name} is unset (${path}:${line})` };
    }
    return { path, line, known: false, envVar: value.name, how: `'${key}' => env('${value.name}', \u2026) with a computed default (${path}:${line})` };
  }
  return { path, line, known: false, how: `'${key}' is computed (${value.kind === "computed" ? value.text : "an array"}) at ${path}:${line}` };
}
function productionSetting(app, name2) {
  for (const s of app.productionEnvironment) {
    const e = s.get(name2);
    if (e && !e.value.includes("$")) return { path: s.path, line: e.line, raw: e.value, compose: true };
  }
  let found;
  for (const f of app.productionEnvFiles) {
    const e = f.env.get(name2);
    if (e) found = { path: f.path, line: e.line, raw: e.value };
  }
  return found;
}
var LARAVEL_SETTINGS_DOC = "- **Laravel** (an `artisan` file beside `config/app.php`, or `app/Config/app.php`). `config/*.php` is read as the array it returns: literals, nested arrays and `env('X', default)` (with casts); anything else is computed and never judged. A value read by `env()` is taken from the `environment:` of production compose deployments, else the env files production is shown to load (role `production`: a compose `env_file:`, an image's copied `.env`), else the config file's default, as Laravel does (environment, then `.env`, then the default); env() reads `true`/`(true)`, `false`, `null`, `empty` as those values. Every env file of the application is also judged on its own at its line, by its role (a development `.env` at most P2, templates not at all). A finding says which env files production loads, or that the config file's defaults were assumed.";

// src/parse/ruby-config.ts
var MAX_BYTES3 = 2 * 1024 * 1024;
var loading;
function rubyParser() {
  loading ??= (async () => {
    const emit = process.emitWarning;
    process.emitWarning = ((warning, ...rest) => {
      if (/WASI/.test(typeof warning === "string" ? warning : warning.message)) return;
      emit.call(process, warning, ...rest);
    });
    try {
      const nodes = await import("./src-M2SJKHNL.js");
      return { parse: await nodes.loadPrism(), nodes };
    } finally {
      process.emitWarning = emit;
    }
  })();
  return loading;
}
var IN_PLACE = /* @__PURE__ */ new Set(["clear", "push", "concat"]);
function configPath(node, CallNode) {
  if (!(node instanceof CallNode)) return void 0;
  if (node.receiver === null) return node.name === "config" && node.arguments_ === null && node.block === null ? "" : void 0;
  if (node.name === "config" && node.arguments_ === null && node.block === null && isRailsApplication(node.receiver, CallNode)) return "";
  if (node.arguments_ !== null || node.block !== null) return void 0;
  const above = configPath(node.receiver, CallNode);
  return above === void 0 ? void 0 : above ? `${above}.${node.name}` : node.name;
}
function isRailsApplication(node, CallNode) {
  if (!(node instanceof CallNode) || node.name !== "application" || node.arguments_ !== null) return false;
  const receiver = node.receiver;
  return receiver !== null && receiver.name === "Rails" && !(receiver instanceof CallNode);
}
function readRubyConfig(text, { parse, nodes }) {
  const { CallNode, CallOperatorWriteNode } = nodes;
  const conditionalKinds = [nodes.IfNode, nodes.UnlessNode, nodes.CaseNode, nodes.CaseMatchNode, nodes.WhileNode, nodes.UntilNode];
  const source = Buffer.from(text, "utf8");
  if (source.length > MAX_BYTES3) return { settings: [], error: { line: 1, message: `larger than ${MAX_BYTES3 / 1024 / 1024} MiB, not read` } };
  const starts = lineStartOffsets(source);
  const lineAt = (offset) => lineOfOffset(starts, offset);
  const sourceOf = (node) => source.subarray(node.location.startOffset, node.location.startOffset + node.location.length).toString("utf8");
  const result = parse(text);
  const [problem] = result.errors;
  if (problem) return { settings: [], error: { line: lineAt(problem.location.startOffset), message: problem.message } };
  const settings = [];
  const add = (name2, op, valueText, node, conditional) => {
    settings.push({ name: name2, op, value: rubyValue(valueText.trim()), line: lineAt(node.location.startOffset), conditional });
  };
  const stack = [{ node: result.value, conditional: false }];
  while (stack.length) {
    const { node, conditional } = stack.pop();
    if (node instanceof CallNode) {
      const writer = /^([a-z_]\w*)=$/.exec(node.name);
      const on = configPath(node.receiver, CallNode);
      const [first] = node.arguments_?.arguments_ ?? [];
      if (on !== void 0 && writer && first) add(on ? `${on}.${writer[1]}` : writer[1], "=", sourceOf(first), node, conditional);
      else if (on && node.name === "<<" && first) add(on, "<<", sourceOf(first), node, conditional);
      else if (on && IN_PLACE.has(node.name)) add(on, node.name, (node.arguments_?.arguments_ ?? []).map((a) => sourceOf(a)).join(", "), node, conditional);
    } else if (node instanceof CallOperatorWriteNode && node.binaryOperator === "+") {
      const on = configPath(node.receiver, CallNode);
      if (on !== void 0) add(on ? `${on}.${node.readName}` : node.readName, "+=", sourceOf(node.value), node, conditional);
    }
    const inside = conditional || conditionalKinds.some((kind) => node instanceof kind);
    const children = node.compactChildNodes();
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], conditional: inside });
  }
  settings.sort((a, b) => a.line - b.line);
  return { settings };
}
var STRING = /^(["'])((?:(?!\1)[^\\#]|\\.|#(?!\{))*)\1$/;
var ENV_NAME = `(["'])([A-Za-z_][A-Za-z0-9_]*)\\1`;
var ENV_INDEX = new RegExp(`^ENV\\[${ENV_NAME}\\]$`);
var ENV_FETCH = new RegExp(`^ENV\\.fetch\\(\\s*${ENV_NAME}\\s*(?:,\\s*(.+?))?\\s*\\)(?:\\s*\\{\\s*(.+?)\\s*\\})?$`);
var BOOLEAN_CAST = /^ActiveModel::Type::Boolean\.new\.cast\((.+)\)$/;
var PRESENCE = /^(!)?ENV\[(["'])([A-Za-z_][A-Za-z0-9_]*)\2\]\.(present\?|blank\?|nil\?)$/;
var COMPARISON = new RegExp(`^ENV\\[${ENV_NAME}\\]\\s*(==|!=)\\s*(["'][^"']*["'])$`);
function literal2(text) {
  if (text === "true" || text === "false") return text === "true";
  if (text === "nil") return null;
  if (/^-?\d[\d_]*(\.\d+)?$/.test(text)) return Number(text.replace(/_/g, ""));
  if (/^:[a-z_]\w*[?!]?$/i.test(text)) return text;
  const s = STRING.exec(text);
  return s ? s[2] : void 0;
}
function castBoolean(value) {
  if (value === null || value === "") return null;
  if (typeof value === "boolean") return value;
  return !["0", "f", "false", "off", "no", "n"].includes(String(value).toLowerCase());
}
function rubyValue(text) {
  const lit = literal2(text);
  if (lit !== void 0) return { kind: "literal", value: lit };
  const cast = BOOLEAN_CAST.exec(text);
  if (cast) {
    const inner = rubyValue(cast[1].trim());
    if (inner.kind === "literal") return { kind: "literal", value: castBoolean(inner.value) };
    if (inner.kind === "env") return { ...inner, ...inner.whenUnset !== void 0 ? { whenUnset: castBoolean(inner.whenUnset) } : {} };
    return inner;
  }
  const index = ENV_INDEX.exec(text);
  if (index) return { kind: "env", vars: [index[2]], whenUnset: null, literalDefault: false };
  const fetch = ENV_FETCH.exec(text);
  if (fetch) {
    const fallbackText = fetch[3] ?? fetch[4];
    if (fallbackText === void 0) return { kind: "env", vars: [fetch[2]], required: true, literalDefault: false };
    const fallback = literal2(fallbackText.trim());
    if (fallback === void 0) return { kind: "computed", text };
    return { kind: "env", vars: [fetch[2]], whenUnset: fallback, literalDefault: true };
  }
  const terms = text.split(/\s*(&&|\|\|)\s*/);
  const vars = [];
  let result;
  let joiner = "";
  for (const term of terms) {
    if (term === "&&" || term === "||") {
      joiner = term;
      continue;
    }
    let value;
    const presence = PRESENCE.exec(term);
    const comparison = COMPARISON.exec(term);
    if (presence) {
      vars.push(presence[3]);
      value = presence[4] !== "present?";
      if (presence[1]) value = !value;
    } else if (comparison) {
      vars.push(comparison[2]);
      value = comparison[3] === "!=";
    } else return { kind: "computed", text };
    result = result === void 0 ? value : joiner === "&&" ? result && value : result || value;
  }
  if (vars.length) return { kind: "env", vars: [...new Set(vars)], whenUnset: result, literalDefault: false };
  return { kind: "computed", text };
}

// src/model/frameworks/rails.ts
var JUDGED_OPTION = /\bconfig\.(force_ssl|hosts|consider_all_requests_local|secret_key_base)\b/;
async function readRailsApps(files, parsed, roles) {
  const apps = [];
  for (const f of files.files) {
    if (!/(^|\/)config\/application\.rb$/.test(f.path) || !roles.isDeployed(f.path)) continue;
    const root = f.path.replace(/\/?config\/application\.rb$/, "");
    const prefix = root ? `${root}/` : "";
    const production = `${prefix}config/environments/production.rb`;
    const settings = [];
    const errors = [];
    const initializers = [];
    for (const i of files.files) {
      if (!i.path.startsWith(`${prefix}config/initializers/`) || !i.path.endsWith(".rb")) continue;
      const text = await files.read(i.path);
      if (text && JUDGED_OPTION.test(text)) initializers.push(i.path);
    }
    for (const path of [f.path, production, ...initializers.sort()]) {
      if (!files.has(path)) continue;
      const parse = await rubyParser();
      const read = await parsed.memo("ruby-config", path, (text) => readRubyConfig(text, parse));
      if (!read) continue;
      if (read.error) errors.push({ path, ...read.error });
      else settings.push(...read.settings.map((s) => ({ ...s, path })));
    }
    const committedKeys = [];
    for (const k of files.files) {
      const m = new RegExp(`^${escape(prefix)}config/(master|credentials/[^/]+)\\.key$`).exec(k.path);
      if (!m || !k.tracked) continue;
      const enc = m[1] === "master" ? `${prefix}config/credentials.yml.enc` : `${prefix}config/${m[1]}.yml.enc`;
      committedKeys.push({ path: k.path, ...files.has(enc) ? { opens: enc } : {} });
    }
    const secrets = `${prefix}config/secrets.yml`;
    const railsVersion = await lockedRails(files, [`${prefix}Gemfile.lock`, "Gemfile.lock"]);
    apps.push({ root, applicationPath: f.path, ...files.has(production) ? { productionPath: production } : {}, settings, errors, committedKeys, ...files.has(secrets) ? { secretsPath: secrets } : {}, ...railsVersion ? { railsVersion } : {} });
  }
  return apps;
}
async function lockedRails(files, candidates) {
  for (const path of candidates) {
    if (!files.has(path)) continue;
    const text = await files.read(path);
    const version = text && /^ {4}rails \((\d+(?:\.\d+)*)[^)]*\)$/m.exec(text)?.[1];
    if (version) return { version, path };
  }
  return void 0;
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function finalSetting(app, name2) {
  let setting;
  let conditional;
  for (const s of app.settings) {
    if (s.name !== name2 || s.op !== "=") continue;
    if (s.conditional) conditional = s;
    else {
      setting = s;
      conditional = void 0;
    }
  }
  return { ...setting ? { setting } : {}, ...conditional ? { conditional } : {} };
}
var RAILS_SETTINGS_DOC = '- **Rails** (`config/application.rb`). `config.x = value` statements of application.rb, then of `config/environments/production.rb` (the later wins), read line by line: literals, `ENV.fetch("X", literal)`, `ENV["X"]`, boolean casts of those, and tests of a variable (`ENV["X"].present?`, `== "true"`), which resolve to what a deployment that leaves the variables unset gets; a value the project decided (a literal, a literal default) is judged, one left to a variable\'s presence is reported as the deployment\'s decision. Statements under `if`/`unless`/`case` or a modifier `if` are conditional and not judged. Unbalanced `end`s make the file unreadable: an error, never a pass. `config/secrets.yml` is read for `production:` only; `config/master.key` and `config/credentials/*.key` count when git tracks them.';

export {
  mayRunInProduction,
  assignmentsOf,
  canonicalKey,
  springModel,
  settingText,
  describeSpringSetting,
  SPRING_RESOLUTION_DOC,
  parseDotenv,
  defaultOf,
  findReferences,
  interpolate,
  splitOutsideInterpolation,
  imageRepository,
  imageFacts,
  declaresHealthcheck,
  IMAGE_FACTS_DOC,
  interpolateInFile,
  loadComposeFiles,
  isPlainObject,
  environmentOf,
  imageOf,
  datastoreOf,
  hasHealthcheck,
  isOneShot,
  dependenciesOf,
  serviceCommand,
  dockerfileOf,
  bindMountsOf,
  UNKNOWN_ROLE,
  computeRoles,
  roleFromContent,
  roleOfProfiles,
  computeDeployments,
  isFragment,
  DEPLOYMENTS_DOC,
  readPhoenixApps,
  outsideProd,
  entryAt,
  endpointsOf,
  PHOENIX_SETTINGS_DOC,
  aspnetModel,
  appsettingsOutsideProduction,
  ASPNET_RESOLUTION_DOC,
  parseDockerfile,
  parseDockerfileWithIncludes,
  stageLineage,
  stagesUsedByFinal,
  splitImage,
  unpinnedReason,
  invocationRoles,
  describedForDevelopment,
  deploymentFileRoles,
  imageContents,
  applicationSource,
  testProjectDescriptors,
  productionDockerfiles,
  imageRepository2,
  computeBuilds,
  BUILDS_DOC,
  publishedRepositories,
  publishedImageDeployments,
  dottedName,
  calleeName,
  literalValue,
  callsInStatements,
  importedModules,
  LocalTokenGroup,
  ExternalTokenizer,
  ContextTracker,
  LRParser,
  styleTags,
  tags,
  parsePythonModule,
  callsNamed,
  stringLiterals,
  pyRepr,
  truthy,
  evaluate2 as evaluate,
  envSchemesOf,
  findSettingsReferences,
  resolveModule,
  parsePython,
  settingsRoleOverrides,
  SETTINGS_RESOLUTION_DOC,
  entryOf,
  readLaravelApps,
  laravelEnvValue,
  phpTruthy,
  phpRepr,
  resolveSetting,
  LARAVEL_SETTINGS_DOC,
  readRailsApps,
  finalSetting,
  RAILS_SETTINGS_DOC
};
