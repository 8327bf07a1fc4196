// Research tool (docs/RELIABILITY.md, session 32), not built by CMake: compares, for each HTML
// file, the tree libxml2's HTML parser builds (htmlCtxtReadMemory, the options of
// indexer/src/html_reader.cpp) with a tree rebuilt from the same parser's SAX events alone (no
// libxml2 tree), emulating what the SAX2 tree builder does with them. Prints "same N differ M".
//   g++ -std=c++20 -O1 -I/usr/include/libxml2 scripts/html_sax_equivalence.cpp -o /tmp/cmp -lxml2
//   /tmp/cmp PAGE.html ...        (TRACE=1: the events, with the parser's name stack depth)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

const int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                     HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;

void serialize_tree(const xmlNode* node, std::string& out) {
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE) {
      out += "<";
      out += (const char*)node->name;
      for (const xmlAttr* a = node->properties; a; a = a->next) {
        out += " ";
        out += (const char*)a->name;
        out += "=";
        xmlChar* v = xmlNodeGetContent((const xmlNode*)a);
        out += v ? (const char*)v : "";
        xmlFree(v);
      }
      out += ">";
      serialize_tree(node->children, out);
      out += "</";
      out += (const char*)node->name;
      out += ">";
    } else if (node->type == XML_TEXT_NODE) {
      out += "T[";
      out += node->content ? (const char*)node->content : "";
      out += "]";
    } else if (node->type == XML_CDATA_SECTION_NODE) {
      out += "C[";
      out += node->content ? (const char*)node->content : "";
      out += "]";
    } else if (node->type == XML_COMMENT_NODE) {
      out += "!";
    } else if (node->type == XML_PI_NODE) {
      out += "?";
    }
  }
}

struct Node {
  int type;  // 1 element, 3 text, 4 cdata, 8 comment
  std::string name, text;
  std::vector<std::pair<std::string, std::string>> attrs;
  std::vector<std::unique_ptr<Node>> children;
};

struct Builder {
  std::vector<std::unique_ptr<Node>> top;
  std::vector<Node*> open;
  bool halted = false;
};

Builder& builder(void* ctx) {
  return *static_cast<Builder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}
htmlParserCtxtPtr parser(void* ctx) {
  return static_cast<htmlParserCtxtPtr>(ctx);
}

// The parser may pop an element without an end event (a start tag without its '>'): the tree
// builder's node stack is popped with it (nodePop).
void resync(void* ctx, int expected) {
  Builder& b = builder(ctx);
  while ((int)b.open.size() > expected && expected >= 0)
    b.open.pop_back();
}

std::vector<std::unique_ptr<Node>>& where(Builder& b) {
  return b.open.empty() ? b.top : b.open.back()->children;
}

bool trace = getenv("TRACE") != nullptr;
void on_start(void* ctx, const xmlChar* name, const xmlChar** atts) {
  if (trace)
    fprintf(stderr, "start %s nameNr=%d mine=%zu\n", name, parser(ctx)->nameNr,
            builder(ctx).open.size());
  resync(ctx, parser(ctx)->nameNr - 1);
  Builder& b = builder(ctx);
  if (b.open.size() > 256) {  // nodePush's limit (xmlParserMaxDepth) without XML_PARSE_HUGE
    b.halted = true;
    xmlStopParser(parser(ctx));
    return;
  }
  auto node = std::make_unique<Node>();
  node->type = 1;
  node->name = (const char*)name;
  if (atts)
    for (int i = 0; atts[i]; i += 2)
      node->attrs.push_back({(const char*)atts[i], atts[i + 1] ? (const char*)atts[i + 1] : ""});
  Node* raw = node.get();
  if (!b.open.empty()) {
    b.open.back()->children.push_back(std::move(node));
  } else if (b.top.empty() || b.top.front()->type != 1) {
    b.top.push_back(std::move(node));  // the document's child (a first root, or after a DTD)
  } else {
    b.top.front()->children.push_back(
        std::move(node));  // xmlSAX2StartElement: parent = doc->children
  }
  b.open.push_back(raw);
}

void on_end(void* ctx, const xmlChar* name) {
  if (trace)
    fprintf(stderr, "end %s nameNr=%d mine=%zu\n", name, parser(ctx)->nameNr,
            builder(ctx).open.size());
  resync(ctx, parser(ctx)->nameNr);
  Builder& b = builder(ctx);
  if (!b.open.empty()) b.open.pop_back();
}

void add_text(void* ctx, const xmlChar* text, int len, int type) {
  if (trace)
    fprintf(stderr, "text [%.*s] nameNr=%d mine=%zu\n", len, text, parser(ctx)->nameNr,
            builder(ctx).open.size());
  resync(ctx, parser(ctx)->nameNr);
  Builder& b = builder(ctx);
  if (b.open.empty()) return;  // xmlSAX2Characters drops text with no node open
  auto& list = where(b);
  if (type == 3 && !list.empty() && list.back()->type == 3) {
    list.back()->text.append((const char*)text, len);
    return;
  }
  auto node = std::make_unique<Node>();
  node->type = type;
  node->text.assign((const char*)text, len);
  list.push_back(std::move(node));
}
void on_chars(void* ctx, const xmlChar* text, int len) {
  add_text(ctx, text, len, 3);
}
void on_cdata(void* ctx, const xmlChar* text, int len) {
  add_text(ctx, text, len, 4);
}
void add_marker(void* ctx, int type) {
  resync(ctx, parser(ctx)->nameNr);
  Builder& b = builder(ctx);
  auto node = std::make_unique<Node>();
  node->type = type;
  where(b).push_back(std::move(node));
}
void on_comment(void* ctx, const xmlChar*) {
  add_marker(ctx, 8);
}
void on_pi(void* ctx, const xmlChar*, const xmlChar*) {
  add_marker(ctx, 7);
}
// xmlSAX2InternalSubset (HTML): the old DTD unlinked, the new one made the document's first child.
void on_subset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  Builder& b = builder(ctx);
  for (auto it = b.top.begin(); it != b.top.end(); ++it)
    if ((*it)->type == 14) {
      b.top.erase(it);
      break;
    }
  auto node = std::make_unique<Node>();
  node->type = 14;
  b.top.insert(b.top.begin(), std::move(node));
}

void serialize_mine(const std::vector<std::unique_ptr<Node>>& nodes, std::string& out) {
  for (const auto& n : nodes) {
    if (n->type == 1) {
      out += "<" + n->name;
      for (auto& [k, v] : n->attrs)
        out += " " + k + "=" + v;
      out += ">";
      serialize_mine(n->children, out);
      out += "</" + n->name + ">";
    } else if (n->type == 3) {
      out += "T[" + n->text + "]";
    } else if (n->type == 4) {
      out += "C[" + n->text + "]";
    } else if (n->type == 8) {
      out += "!";
    } else if (n->type == 7) {
      out += "?";
    }
  }
}

int main(int argc, char** argv) {
  int same = 0, differ = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string page = ss.str();
    std::string tree, mine;
    {
      htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
      xmlDocPtr doc =
          htmlCtxtReadMemory(ctxt, page.data(), (int)page.size(), nullptr, "UTF-8", kOptions);
      if (doc) serialize_tree(doc->children, tree);
      xmlFreeDoc(doc);
      htmlFreeParserCtxt(ctxt);
    }
    {
      htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
      Builder b;
      ctxt->_private = &b;
      xmlSAXHandler* sax = ctxt->sax;
      sax->startDocument = nullptr;
      sax->endDocument = nullptr;
      sax->internalSubset = on_subset;
      sax->startElement = on_start;
      sax->endElement = on_end;
      sax->characters = on_chars;
      sax->ignorableWhitespace = nullptr;
      sax->cdataBlock = on_cdata;
      sax->comment = on_comment;
      sax->processingInstruction = on_pi;
      xmlDocPtr doc =
          htmlCtxtReadMemory(ctxt, page.data(), (int)page.size(), nullptr, "UTF-8", kOptions);
      if (doc) {
        std::cerr << "unexpected doc\n";
        xmlFreeDoc(doc);
      }
      serialize_mine(b.top, mine);
      htmlFreeParserCtxt(ctxt);
    }
    if (tree == mine) {
      ++same;
    } else {
      ++differ;
      std::size_t at = 0;
      while (at < tree.size() && at < mine.size() && tree[at] == mine[at])
        ++at;
      std::cout << "DIFFER " << argv[i] << " at " << at
                << "\n  tree: " << tree.substr(at > 80 ? at - 80 : 0, 200)
                << "\n  sax:  " << mine.substr(at > 80 ? at - 80 : 0, 200) << "\n";
    }
  }
  std::cout << "same " << same << " differ " << differ << "\n";
}
