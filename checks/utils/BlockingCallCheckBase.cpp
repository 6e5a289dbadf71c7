//===--- BlockingCallCheckBase.cpp - thread-blocking calls in coroutines --===//

#include "BlockingCallCheckBase.h"
#include "Compat.h"
#include "Coroutines.h"
#include "Tasks.h"
#include "UserCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

static constexpr llvm::StringLiteral FunctionsKey = "Functions";
static constexpr llvm::StringLiteral ExtraFunctionsKey = "ExtraFunctions";
static constexpr llvm::StringLiteral OffloadWrappersKey = "OffloadWrappers";
static constexpr llvm::StringLiteral ReplacementsKey = "Replacements";
static constexpr llvm::StringLiteral MaxCallDepthKey = "MaxCallDepth";

// Functions whose callable arguments run elsewhere (a thread pool, another
// thread): a coroutine lambda handed to one of them is not "inside" the
// coroutine that creates it.
static constexpr llvm::StringLiteral DefaultOffloadWrappers =
    "::asyncrt::spawn_blocking;::std::async;::std::thread;::std::jthread;"
    "::asio::post;::asio::defer;::asio::dispatch;"
    "::boost::asio::post;::boost::asio::defer;::boost::asio::dispatch";

BlockingCallCheckBase::BlockingCallCheckBase(llvm::StringRef Name,
                                             ClangTidyContext *Context,
                                             const Defaults &D)
    : ClangTidyCheck(Name, Context),
      FunctionsOption(Options.get(FunctionsKey, D.Functions).str()),
      ExtraFunctionsOption(Options.get(ExtraFunctionsKey, "").str()),
      OffloadWrappersOption(
          Options.get(OffloadWrappersKey, DefaultOffloadWrappers).str()),
      ReplacementsOption(Options.get(ReplacementsKey, D.Replacements).str()),
      SuggestFrameworkSleeps(D.SuggestFrameworkSleeps && ReplacementsOption == D.Replacements),
      MaxCallDepth(Options.get(MaxCallDepthKey, 3U)), What(D.What.str()),
      ProfileList(D.Profiles),
      Model(Options, {Vocabulary::BlockingExecutors, Vocabulary::HopFunctions,
                      Vocabulary::SyncDrivers, Vocabulary::SyncGeneratorTypes,
                      Vocabulary::TokenSpawnFunctions, Vocabulary::SpawnFunctions}),
      Functions(NameList::fromOptions(FunctionsOption, ExtraFunctionsOption)),
      OffloadWrappers(OffloadWrappersOption),
      Replacements(parseNameMap(ReplacementsOption)) {}

void BlockingCallCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, FunctionsKey, FunctionsOption);
  Options.store(Opts, ExtraFunctionsKey, ExtraFunctionsOption);
  Options.store(Opts, OffloadWrappersKey, OffloadWrappersOption);
  Options.store(Opts, ReplacementsKey, ReplacementsOption);
  Options.store(Opts, MaxCallDepthKey, MaxCallDepth);
  Model.storeOptions(Options, Opts);
}

void BlockingCallCheckBase::onStartOfTranslationUnit() {
  Reaches.clear();
  Reported.clear();
}

void BlockingCallCheckBase::registerMatchers(MatchFinder *Finder) {
  // One match per TU; check() walks the user's code (see UserCode.h) for
  // coroutines and offload calls, and every call in a coroutine is examined
  // by a walk that stays within the coroutine's own statements.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

// A declaration a call may name: the direct callee, each candidate of an
// unresolved (dependent) call, or the class of a constructed object (a list
// entry naming a class stands for its constructors, e.g. std::basic_ifstream).
static void forEachCalleeCandidate(const Stmt &S,
                                   llvm::function_ref<bool(const NamedDecl &)> F) {
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    // A customisation-point object (`stdexec::sync_wait(S)`) is named by
    // its variable.
    if (const auto *Object = dyn_cast_or_null<VarDecl>(calleeOf(*Call)))
      if (F(*Object))
        return;
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      F(*Callee);
      return;
    }
    if (const auto *ULE = dyn_cast<UnresolvedLookupExpr>(
            Call->getCallee()->IgnoreParenImpCasts()))
      for (const NamedDecl *D : ULE->decls())
        if (F(*D->getUnderlyingDecl()))
          return;
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    F(*Construct->getConstructor()->getParent());
}

// The class of the object a member is called on, before any conversion to
// the base class that declares the member.
static const CXXRecordDecl *objectClass(const Stmt &S) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(&S);
  const Expr *Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
  if (!Obj)
    return nullptr;
  QualType T = Obj->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

// A C stdio call on stdout or stderr (`fflush(stdout)`, `fputs(s, stderr)`)
// writes to the console, like printf (which no list names): logging, not
// reported. Reading stdin still blocks and is.
static bool isConsoleOutput(const Stmt &S) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return false;
  for (const Expr *Arg : Call->arguments())
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->getIdentifier() && !Var->isLocalVarDeclOrParm() &&
          (Var->getName() == "stdout" || Var->getName() == "stderr"))
        return true;
  return false;
}

std::optional<llvm::StringRef>
BlockingCallCheckBase::listedCallee(const Stmt &S, const NamedDecl *&Callee) const {
  if (isConsoleOutput(S))
    return std::nullopt;
  std::optional<llvm::StringRef> Entry;
  forEachCalleeCandidate(S, [&](const NamedDecl &D) {
    const NamedDecl *Target = &D;
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(&D))
      Target = T->getTemplatedDecl();
    Entry = Functions.match(*Target, objectClass(S));
    if (Entry)
      Callee = Target;
    return Entry.has_value();
  });
  return Entry;
}

const FunctionDecl *BlockingCallCheckBase::followableCallee(const Stmt &S) const {
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return nullptr;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Callee);
      M && M->isVirtual() && !isa<CXXOperatorCallExpr>(Call))
    return nullptr; // the target is not known statically
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody() || isCoroutine(*Def))
    return nullptr;
  // Library internals are covered by the name lists, not followed.
  if (Def->getASTContext().getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  return Def;
}

const BlockingCallCheckBase::Reach &
BlockingCallCheckBase::reachFrom(const FunctionDecl &F) {
  auto [It, Inserted] = Reaches.try_emplace(&F);
  if (!Inserted)
    return It->second; // done, or in progress further up (recursion)
  Reach Result;
  Result.State = Reach::Nothing;
  forEachOwnStmt(F.getBody(), [&](const Stmt &S) {
    if (Result.State == Reach::Found)
      return false;
    const NamedDecl *Callee = nullptr;
    if (auto Entry = listedCallee(S, Callee)) {
      Result = {Reach::Found, {{cast<Expr>(&S), Callee}}, Entry->str()};
      return false;
    }
    if (const FunctionDecl *Next = followableCallee(S)) {
      const Reach &Inner = reachFrom(*Next);
      if (Inner.State == Reach::Found) {
        Result = {Reach::Found, {{cast<Expr>(&S), Next}}, Inner.Entry};
        Result.Calls.append(Inner.Calls.begin(), Inner.Calls.end());
        return false;
      }
    }
    return true;
  });
  // The map may have grown during the walk: look the slot up again.
  Reach &Slot = Reaches[&F];
  Slot = std::move(Result);
  return Slot;
}

namespace {
// Collects the user's coroutines, and the lambdas handed to an offload
// wrapper (found from the call: walking up from a lambda would need the
// TU-wide parent map).
class CoroutineAndOffloadCollector : public UserCodeTraversal<CoroutineAndOffloadCollector> {
public:
  CoroutineAndOffloadCollector(const SourceManager &SM, const NameList &Wrappers,
                               const AsyncModel &Model)
      : UserCodeTraversal(SM), Wrappers(Wrappers), Model(Model) {}

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody())
      if (const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(FD->getBody()))
        Coroutines.push_back({FD, Body});
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      noteLambdaArguments(*Callee, Call->arguments());
    const NamedDecl *Callee = calleeOf(*Call);
    if (!Callee)
      return true;
    // A coroutine driven to completion on the calling thread with no
    // executor argument (a test's syncAwait(lambda()), syncAwait(work()))
    // runs on no executor.
    if (Model.names(Vocabulary::SyncDrivers).contains(*Callee)) {
      unsigned Args = Call->getNumArgs() - (isa<VarDecl>(Callee) ? 1 : 0);
      if (Args == 1) {
        const Expr *Arg = Call->getArg(Call->getNumArgs() - 1);
        noteDrivenArgument(Arg);
        // A combinator of the framework (`when_all_ready(a(), [&]() -> task<>
        // {...}())`) runs the tasks it is given on the driving thread too.
        if (const auto *Inner = dyn_cast_or_null<CallExpr>(ignoreValueWrappers(Arg)))
          if (const FunctionDecl *F = Inner->getDirectCallee(); F && !isCoroutine(*F))
            for (const Expr *Task : Inner->arguments())
              noteDrivenArgument(Task);
      }
    }
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (const FunctionDecl *Def = F->getDefinition(); Def && isCoroutine(*Def))
        Sites[Def].insert(Call);
    // A coroutine spawned onto an executor meant for blocking work.
    if ((Model.names(Vocabulary::TokenSpawnFunctions).contains(*Callee) ||
         Model.names(Vocabulary::SpawnFunctions).contains(*Callee)) &&
        Call->getNumArgs() > 1 && Model.isBlockingExecutor(Call->getArg(0)))
      for (const Expr *Arg : Call->arguments())
        noteCoroutineArgument(Arg);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    noteLambdaArguments(*Construct->getConstructor()->getParent(), Construct->arguments());
    return true;
  }

  std::vector<std::pair<const FunctionDecl *, const CoroutineBodyStmt *>> Coroutines;
  llvm::SmallPtrSet<const FunctionDecl *, 4> Offloaded;
  // Calls of each coroutine defined here, and those that a synchronous
  // driver runs with no executor.
  // (Sets: the walk may meet a call twice, through a co_await's implicit
  // subexpressions.)
  llvm::DenseMap<const FunctionDecl *, llvm::SmallPtrSet<const Expr *, 2>> Sites, DrivenSites;

  /// Adds to Offloaded the coroutines that only ever run synchronously: each
  /// call of them is driven by a synchronous driver with no executor, or
  /// awaited by a coroutine that only ever runs synchronously.
  void addSynchronouslyDriven() {
    llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const FunctionDecl *, 2>> AwaitedBy;
    llvm::DenseMap<const FunctionDecl *, llvm::SmallPtrSet<const Expr *, 2>> AwaitedSites;
    for (const auto &[F, Body] : Coroutines)
      forEachOwnStmt(Body, [&, F = F](const Stmt &S) {
        if (const auto *Call = dyn_cast_or_null<CallExpr>(getAwaitedExpr(S)))
          if (const FunctionDecl *Callee = Call->getDirectCallee())
            if (const FunctionDecl *Def = Callee->getDefinition();
                Def && AwaitedSites[Def].insert(Call).second)
              AwaitedBy[Def].push_back(F);
        return true;
      });
    llvm::SmallPtrSet<const FunctionDecl *, 8> Sync;
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[F, Body] : Coroutines) {
        if (Sync.contains(F))
          continue;
        unsigned Total = Sites.lookup(F).size(), Driven = DrivenSites.lookup(F).size();
        const auto &Callers = AwaitedBy[F];
        if (Total == 0 || Driven + Callers.size() != Total)
          continue;
        if (!llvm::all_of(Callers, [&](const FunctionDecl *C) { return Sync.contains(C); }))
          continue;
        Sync.insert(F);
        Changed = true;
      }
    }
    Offloaded.insert(Sync.begin(), Sync.end());
  }

private:
  // An argument of a synchronous driver: a coroutine lambda, or a call of a
  // coroutine defined here, runs on no executor.
  void noteDrivenArgument(const Expr *Arg) {
    noteCoroutineArgument(Arg);
    if (const auto *Inner = dyn_cast_or_null<CallExpr>(ignoreValueWrappers(Arg)))
      if (const FunctionDecl *F = Inner->getDirectCallee())
        if (const FunctionDecl *Def = F->getDefinition())
          DrivenSites[Def].insert(Inner);
  }
  // A lambda, or a lambda called at once (`lambda()`), passed as an argument.
  void noteCoroutineArgument(const Expr *Arg) {
    const Expr *E = ignoreValueWrappers(Arg);
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      E = ignoreValueWrappers(Op->getArg(0));
    if (const auto *L = dyn_cast_or_null<LambdaExpr>(E))
      Offloaded.insert(L->getCallOperator());
  }
  template <typename Args> void noteLambdaArguments(const NamedDecl &Callee, Args Arguments) {
    for (const Expr *Arg : Arguments)
      if (const auto *L = dyn_cast<LambdaExpr>(Arg->IgnoreImplicit()))
        if (Wrappers.contains(Callee))
          Offloaded.insert(L->getCallOperator());
  }
  const NameList &Wrappers;
  const AsyncModel &Model;
};
} // namespace

void BlockingCallCheckBase::check(const MatchFinder::MatchResult &Result) {
  SM = Result.SourceManager;
  Model.startTranslationUnit(*Result.Context);
  std::string Extra = Model.profileNames(ProfileList);
  if (Extra != ProfileFunctions) {
    ProfileFunctions = Extra;
    std::string All = ExtraFunctionsOption;
    if (!Extra.empty())
      All += (All.empty() ? "" : ";") + Extra;
    Functions = NameList::fromOptions(FunctionsOption, All);
  }
  CoroutineAndOffloadCollector Collector(*SM, OffloadWrappers, Model);
  Collector.TraverseAST(*Result.Context);
  Collector.addSynchronouslyDriven();
  for (const auto &[Coroutine, Body] : Collector.Coroutines)
    if (!Collector.Offloaded.contains(Coroutine) &&
        Model.kindOf(*Coroutine, *Body) == CoroutineKind::Task)
      checkCoroutine(*Coroutine, *Body);
}

// A value the coroutine got from a co_await (`auto r = co_await
// res.resolve();`, `auto rs = co_await when_all(...)`): the await has
// completed it, so waiting on it does not block.
static bool isAwaitedValue(const Expr *E) {
  const VarDecl *Var = rootVariable(E);
  if (!Var || !Var->isLocalVarDecl() || !Var->getInit())
    return false;
  const Expr *Init = ignoreValueWrappers(Var->getInit());
  return Init && isa<CoawaitExpr, DependentCoawaitExpr>(Init->IgnoreImplicit());
}

// The object a blocking member call waits on (`result.get()`).
static const Expr *waitedObject(const Expr *Call) {
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  return nullptr;
}

// The parameter of \p Callee that argument \p Index of \p Call binds.
static const ParmVarDecl *paramOf(const CallExpr &Call, const FunctionDecl &Callee,
                                  unsigned Index) {
  unsigned Offset = isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  if (Index < Offset || Index - Offset >= Callee.getNumParams())
    return nullptr;
  return Callee.getParamDecl(Index - Offset);
}

// Whether the listed call that \p Next reaches waits on a value the coroutine
// got from a co_await, handed down from \p Site through parameters (a test
// helper `check_ready(std::move(done))` that calls get(), or passes it on to
// one that does).
static bool waitsOnAwaitedArgument(const Expr &Site, const FunctionDecl &Next,
                                   const BlockingCallCheckBase::Chain &Calls) {
  const auto *Call = dyn_cast<CallExpr>(&Site);
  if (!Call || Calls.empty())
    return false;
  const VarDecl *Carried = nullptr;
  for (unsigned I = 0; I < Call->getNumArgs() && !Carried; ++I)
    if (isAwaitedValue(Call->getArg(I)))
      Carried = paramOf(*Call, Next, I);
  // Down the chain: each call passes the carried parameter on.
  for (size_t Step = 0; Carried && Step + 1 < Calls.size(); ++Step) {
    const auto *Inner = dyn_cast<CallExpr>(Calls[Step].Call);
    const auto *Callee = dyn_cast_or_null<FunctionDecl>(Calls[Step].Callee);
    const VarDecl *Passed = nullptr;
    for (unsigned I = 0; Inner && Callee && I < Inner->getNumArgs() && !Passed; ++I)
      if (rootVariable(Inner->getArg(I)) == Carried)
        Passed = paramOf(*Inner, *Callee, I);
    Carried = Passed;
  }
  return Carried && rootVariable(waitedObject(Calls.back().Call)) == Carried;
}

void BlockingCallCheckBase::checkCoroutine(const FunctionDecl &Coroutine,
                                           const CoroutineBodyStmt &Body) {
  // A call that is the operand of co_await produces an awaitable: it is the
  // asynchronous form, whatever its name. Its arguments are still examined.
  // The walk reaches a co_await before its operand, so the set is ready.
  llvm::SmallPtrSet<const Expr *, 8> Awaited;
  Model.forEachOwnStmtWithExecutor(&Body, [&](const Stmt &S, bool OffExecutor) {
    if (const Expr *A = getAwaitedExpr(S))
      Awaited.insert(A);
    const auto *E = dyn_cast<Expr>(&S);
    if (!E || !(isa<CallExpr>(E) || isa<CXXConstructExpr>(E)) || Awaited.contains(E))
      return true;
    const NamedDecl *Callee = nullptr;
    auto Entry = listedCallee(S, Callee);
    // After a hop onto a blocking executor (`co_await resume_on(background)`)
    // blocking is what that executor is for; but a synchronous driver there
    // (`sync_wait(task())` on a pool thread) still waits for a task that may
    // need a thread of that same pool: the self-deadlock is reported anywhere.
    if (OffExecutor && !(Entry && Callee && Model.names(Vocabulary::SyncDrivers).contains(*Callee)))
      return true;
    if (Entry) {
      if (!isAwaitedValue(waitedObject(E)))
        report({{E, Callee}}, *Entry, Coroutine, *SM);
      return true;
    }
    if (MaxCallDepth == 0)
      return true;
    if (const FunctionDecl *Next = followableCallee(S)) {
      const Reach &R = reachFrom(*Next);
      if (R.State == Reach::Found && R.Calls.size() <= MaxCallDepth &&
          !waitsOnAwaitedArgument(*E, *Next, R.Calls)) {
        Chain C{{E, Next}};
        C.append(R.Calls.begin(), R.Calls.end());
        report(C, R.Entry, Coroutine, *SM);
      }
    }
    return true;
  });
}

void BlockingCallCheckBase::report(const Chain &C, llvm::StringRef Entry,
                                   const FunctionDecl &Coroutine,
                                   const SourceManager &SM) {
  // Inside a macro, report where the macro is used: that is the line the
  // user can change (and put a NOLINT on).
  SourceLocation Loc = SM.getExpansionLoc(compat::beginLoc(C.front().Call));
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;

  // Name the blocking call as the list does: 'std::future::get', not
  // 'std::future<int>::get'.
  llvm::StringRef Blocking = NameList::spelling(Entry);
  std::string Suggestion;
  auto R = Replacements.find(Entry);
  if (R == Replacements.end())
    R = Replacements.find("*");
  if (R != Replacements.end()) {
    std::string Use = R->second;
    // The default catch-all names the asynchronous sleeps of the frameworks
    // in use (libcoro's yield_for in a libcoro program, not Asio's timer).
    if (SuggestFrameworkSleeps && R->first() == "*")
      if (std::string Sleeps = Model.asyncSleeps(); !Sleeps.empty())
        Use = "an asynchronous timer (" + Sleeps + ")";
    Suggestion = "; use " + Use + " instead";
  }
  std::string Where = describeCallable(Coroutine);

  if (C.size() == 1) {
    diag(Loc, "thread-blocking %0 '%1' in coroutine %2%3")
        << What << Blocking << Where << Suggestion;
    return;
  }
  diag(Loc, "%0 reaches a thread-blocking %1 '%2' from coroutine %3%4")
      << describeCallable(*C.front().Callee) << What
      << Blocking << Where << Suggestion;
  for (size_t I = 1; I < C.size(); ++I)
    diag(SM.getExpansionLoc(compat::beginLoc(C[I].Call)), "%0 calls %1 here",
         DiagnosticIDs::Note)
        << describeCallable(*C[I - 1].Callee)
        << (I + 1 == C.size() ? "'" + Blocking.str() + "'" : describeCallable(*C[I].Callee));
}

} // namespace clang::tidy::async
