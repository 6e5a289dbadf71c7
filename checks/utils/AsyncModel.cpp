//===--- AsyncModel.cpp - one model of the async code of a translation unit ===//

#include "AsyncModel.h"
#include "Compat.h"
#include "Coroutines.h"
#include "LockModel.h"
#include "Tasks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async {

const llvm::StringLiteral DefaultSpawnFunctions =
    "::asyncrt::spawn;::asyncrt::spawn_blocking;::coro::spawn_joinable;"
    "::coro::thread_pool::spawn_joinable;::coro::io_scheduler::spawn_joinable";
const llvm::StringLiteral DefaultTokenSpawnFunctions = "::asio::co_spawn;::boost::asio::co_spawn";
const llvm::StringLiteral DefaultDetachedTokens = "::asio::detached_t;::boost::asio::detached_t";
const llvm::StringLiteral DefaultScopedSpawnFunctions = "::asyncrt::JoinSet::spawn";
const llvm::StringLiteral DefaultLimiters =
    "::asyncrt::Semaphore::acquire;::asyncrt::JoinSet::join_next;"
    "::std::counting_semaphore::acquire";


static llvm::StringRef defaultOf(Vocabulary V) {
  switch (V) {
  case Vocabulary::SpawnFunctions:
    return DefaultSpawnFunctions;
  case Vocabulary::TokenSpawnFunctions:
    return DefaultTokenSpawnFunctions;
  case Vocabulary::DetachedTokens:
    return DefaultDetachedTokens;
  case Vocabulary::ScopedSpawnFunctions:
    return DefaultScopedSpawnFunctions;
  case Vocabulary::Limiters:
    return DefaultLimiters;
  case Vocabulary::GuardTypes:
    return DefaultGuardTypes;
  case Vocabulary::MutexTypes:
    return DefaultMutexTypes;
  default:
    return "";
  }
}

static constexpr llvm::StringLiteral FrameworksKey = "Frameworks";

AsyncModel::AsyncModel(ClangTidyCheck::OptionsView &Options,
                       std::initializer_list<Vocabulary> Used)
    : FrameworksOption(Options.getLocalOrGlobal(FrameworksKey, "auto").str()) {
  for (unsigned I = 0; I < unsigned(Vocabulary::Count); ++I) {
    auto V = Vocabulary(I);
    // Sleeps and BlockingCalls are the blocking checks' own Functions
    // options; here they are only the profiles' additions.
    if (V == Vocabulary::Sleeps || V == Vocabulary::BlockingCalls)
      continue;
    OptionValues[I] = Options.getLocalOrGlobal(vocabularyName(V), defaultOf(V)).str();
  }
  for (Vocabulary V : Used)
    UsedVocabulary[unsigned(V)] = true;
  // Until a translation unit says otherwise: the options alone.
  for (unsigned I = 0; I < unsigned(Vocabulary::Count); ++I)
    Lists[I] = NameList(OptionValues[I]);
}

void AsyncModel::storeOptions(ClangTidyCheck::OptionsView &Options,
                              ClangTidyOptions::OptionMap &Opts) const {
  Options.store(Opts, FrameworksKey, FrameworksOption);
  for (unsigned I = 0; I < unsigned(Vocabulary::Count); ++I)
    if (UsedVocabulary[I] && Vocabulary(I) != Vocabulary::Sleeps &&
        Vocabulary(I) != Vocabulary::BlockingCalls)
      Options.store(Opts, vocabularyName(Vocabulary(I)), OptionValues[I]);
}

// "auto" (the default): every profile whose framework is declared. Words
// add ("qt") or remove ("-asio") a profile; "none" starts from nothing.
void AsyncModel::startTranslationUnit(ASTContext &Ctx) {
  llvm::ArrayRef<FrameworkProfile> Profiles = frameworkProfiles();
  llvm::SmallVector<llvm::StringRef, 4> Words;
  llvm::StringRef(FrameworksOption).split(Words, ';', -1, false);
  bool Auto = true;
  for (llvm::StringRef W : Words)
    if (W.trim() == "none")
      Auto = false;
  std::vector<bool> Now(Profiles.size(), false);
  for (size_t I = 0; I < Profiles.size(); ++I) {
    bool On = Auto && isFrameworkPresent(Profiles[I], Ctx);
    for (llvm::StringRef W : Words) {
      W = W.trim();
      if (W == Profiles[I].Name)
        On = true;
      else if (W.consume_front("-") && W == Profiles[I].Name)
        On = false;
    }
    Now[I] = On;
  }
  ThrowCache.clear();
  TaskTypes.reset();
  if (Now == Active)
    return;
  Active = std::move(Now);
  for (unsigned V = 0; V < unsigned(Vocabulary::Count); ++V) {
    std::string All = OptionValues[V];
    std::string Extra = profileNames(Vocabulary(V));
    if (!Extra.empty())
      All += ";" + Extra;
    Lists[V] = NameList(All);
  }
  std::string Lazy = ExtraLazyTaskTypes;
  for (const std::string &N : names(Vocabulary::LazyTaskTypes).names())
    Lazy += ";" + N;
  TaskTypes = LazyTaskClassifier(NameList(Lazy), names(Vocabulary::EagerTaskTypes));
}

std::string AsyncModel::profileNames(Vocabulary V) const {
  std::string Out;
  llvm::ArrayRef<FrameworkProfile> Profiles = frameworkProfiles();
  for (size_t I = 0; I < Profiles.size() && I < Active.size(); ++I) {
    llvm::StringRef L = Profiles[I].Lists[unsigned(V)];
    if (!Active[I] || L.empty())
      continue;
    if (!Out.empty())
      Out += ";";
    Out += L.str();
  }
  return Out;
}

std::string AsyncModel::asyncSleeps() const {
  std::string Out;
  llvm::ArrayRef<FrameworkProfile> Profiles = frameworkProfiles();
  for (size_t I = 0; I < Profiles.size() && I < Active.size(); ++I)
    if (Active[I] && Profiles[I].AsyncSleep)
      Out += (Out.empty() ? "" : ", ") + std::string(Profiles[I].AsyncSleep);
  return Out;
}

std::string AsyncModel::activeFrameworks() const {
  std::string Out;
  llvm::ArrayRef<FrameworkProfile> Profiles = frameworkProfiles();
  for (size_t I = 0; I < Profiles.size() && I < Active.size(); ++I)
    if (Active[I])
      Out += (Out.empty() ? "" : ",") + Profiles[I].Name.str();
  return Out;
}

// --- Shared AST helpers ------------------------------------------------------

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (const auto *P = T->getAs<PointerType>())
    T = P->getPointeeType();
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  // std::shared_ptr<X>, std::unique_ptr<X>: X.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(R))
    if (Spec->isInStdNamespace() && Spec->getIdentifier() &&
        (Spec->getName() == "shared_ptr" || Spec->getName() == "unique_ptr") &&
        Spec->getTemplateArgs().size() > 0 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
      return Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return R;
}

bool isListedRecord(const CXXRecordDecl &R, const NameList &List) {
  if (List.empty())
    return false;
  if (List.contains(R))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&R))
    if (List.contains(*Spec->getSpecializedTemplate()))
      return true;
  if (const CXXRecordDecl *Def = R.getDefinition())
    for (const CXXBaseSpecifier &B : Def->bases())
      if (const CXXRecordDecl *Base = B.getType()->getAsCXXRecordDecl())
        if (isListedRecord(*Base, List))
          return true;
  return false;
}

const NamedDecl *calleeOf(const CallExpr &Call) {
  if (const FunctionDecl *F = Call.getDirectCallee()) {
    // A customisation-point object: `cpo(args)` calls its operator().
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
        Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && !Var->isLocalVarDecl())
          return Var;
    return F;
  }
  return nullptr;
}

// --- Coroutine kinds ---------------------------------------------------------

static bool hasMember(const CXXRecordDecl *R, llvm::StringRef Name) {
  if (!R || !(R = R->getDefinition()))
    return false;
  ASTContext &Ctx = R->getASTContext();
  if (!R->lookup(&Ctx.Idents.get(Name)).empty())
    return true;
  for (const CXXBaseSpecifier &B : R->bases())
    if (hasMember(B.getType()->getAsCXXRecordDecl(), Name))
      return true;
  return false;
}

bool AsyncModel::makesSyncGenerator(const CallExpr &Call) const {
  if (const CXXRecordDecl *R = recordOf(Call.getType());
      R && isListedRecord(*R, names(Vocabulary::SyncGeneratorTypes)))
    return true;
  const FunctionDecl *Callee = Call.getDirectCallee();
  const CoroutineBodyStmt *Body = Callee ? getCoroutineBody(*Callee) : nullptr;
  return Body && kindOf(*Callee, *Body) == CoroutineKind::SyncGenerator;
}

CoroutineKind AsyncModel::kindOf(const FunctionDecl &F, const CoroutineBodyStmt &Body) const {
  const CXXRecordDecl *Result = recordOf(F.getReturnType());
  if (Result && isListedRecord(*Result, names(Vocabulary::SyncGeneratorTypes)))
    return CoroutineKind::SyncGenerator;
  // Any generator: a promise with yield_value and no await_transform, whose
  // body never awaits, and whose result is a range (begin()).
  const VarDecl *PromiseVar = Body.getPromiseDecl();
  const CXXRecordDecl *Promise = PromiseVar ? recordOf(PromiseVar->getType()) : nullptr;
  if (!Promise || !hasMember(Promise, "yield_value") || hasMember(Promise, "await_transform") ||
      !hasMember(Result, "begin"))
    return CoroutineKind::Task;
  bool Awaits = false;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (isExplicitSuspension(S) && !isa<CoyieldExpr>(S))
      Awaits = true;
    return !Awaits;
  });
  return Awaits ? CoroutineKind::Task : CoroutineKind::SyncGenerator;
}

// --- Executors ---------------------------------------------------------------

// The name of the variable, parameter or field \p E reads, without a member
// prefix or trailing underscores (`m_background_executor`, `background_`).
static llvm::StringRef storageName(const Expr *E) {
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    D = Member->getMemberDecl();
  if (!D || !isa<VarDecl, FieldDecl>(D) || !D->getDeclName().isIdentifier())
    return {};
  llvm::StringRef Name = D->getName();
  Name.consume_front("m_");
  return Name.trim('_');
}

bool AsyncModel::isBlockingExecutor(const Expr *E) const {
  const NameList &Pools = names(Vocabulary::BlockingExecutors);
  for (unsigned Depth = 0; E && Depth < 3 && !Pools.empty(); ++Depth) {
    E = E->IgnoreParenImpCasts();
    // An executor kept under the name of the function that makes it: one
    // type can serve both kinds of work (concurrencpp's background_executor()
    // for blocking and thread_pool_executor() for CPU work both return a
    // thread_pool_executor), and then only the name tells them apart.
    if (llvm::StringRef Name = storageName(ignoreValueWrappers(E));
        !Name.empty() && Pools.hasLastComponent(Name))
      return true;
    // An executor named by the function that returns it
    // (`asyncrt::blocking_pool()`): the entry is the function.
    if (const auto *Call = dyn_cast<CallExpr>(ignoreValueWrappers(E)))
      if (const NamedDecl *Callee = calleeOf(*Call); Callee && Pools.contains(*Callee))
        return true;
    // The executor's class, or a class it is nested in
    // (`static_thread_pool::scheduler`).
    for (const DeclContext *DC = recordOf(E->getType()); DC; DC = DC->getParent())
      if (const auto *R = dyn_cast<CXXRecordDecl>(DC); R && isListedRecord(*R, Pools))
        return true;
    // `pool.get_scheduler()`, `runtime->background_executor()`: the object.
    const auto *MC = dyn_cast<CXXMemberCallExpr>(ignoreValueWrappers(E));
    E = MC ? MC->getImplicitObjectArgument() : nullptr;
  }
  return false;
}

AsyncModel::Hop AsyncModel::hopOf(const Stmt &S) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(getAwaitedExpr(S));
  if (!Call)
    return Hop::None;
  const NamedDecl *Callee = calleeOf(*Call);
  if (!Callee || !names(Vocabulary::HopFunctions).contains(*Callee))
    return Hop::None;
  const Expr *Executor = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    Executor = MC->getImplicitObjectArgument();
  else if (isa<VarDecl>(Callee) && Call->getNumArgs() > 1)
    Executor = Call->getArg(1); // cpo(executor): argument 0 is the object
  else if (!isa<VarDecl>(Callee) && Call->getNumArgs() > 0)
    Executor = Call->getArg(0);
  if (!Executor)
    return Hop::None;
  return isBlockingExecutor(Executor) ? Hop::ToBlocking : Hop::ToAsync;
}

namespace {
// forEachOwnStmt with the executor state: a hop changes the state of what
// follows it in the same block; a branch or loop body starts from the state
// at its statement and gives nothing back (a hop on one path only is not
// assumed on the others).
class ExecutorWalk {
public:
  ExecutorWalk(const AsyncModel &M,
               llvm::function_ref<bool(const Stmt &, bool)> Visit)
      : M(M), Visit(Visit) {}

  void walk(const Stmt *S, bool &Off) {
    if (!S)
      return;
    if (!Visit(*S, Off))
      return;
    if (isa<CoroutineSuspendExpr>(S) || isa<DependentCoawaitExpr>(S) ||
        isa<CoreturnStmt>(S)) {
      const Stmt *Op = nullptr;
      if (const auto *A = dyn_cast<CoroutineSuspendExpr>(S))
        Op = A->getOperand();
      else if (const auto *A = dyn_cast<DependentCoawaitExpr>(S))
        Op = A->getOperand();
      else
        Op = cast<CoreturnStmt>(S)->getOperand();
      walk(Op, Off);
      switch (M.hopOf(*S)) {
      case AsyncModel::Hop::ToBlocking:
        Off = true;
        break;
      case AsyncModel::Hop::ToAsync:
        Off = false;
        break;
      case AsyncModel::Hop::None:
        break;
      }
      return;
    }
    if (const auto *L = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : L->capture_inits())
        walk(Init, Off);
      return;
    }
    if (isa<BlockExpr>(S))
      return;
    bool Branching = isa<IfStmt, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt,
                         CXXTryStmt, CXXCatchStmt, ConditionalOperator,
                         BinaryConditionalOperator>(S) ||
                     (isa<BinaryOperator>(S) && cast<BinaryOperator>(S)->isLogicalOp());
    if (Branching) {
      for (const Stmt *Child : S->children()) {
        bool Local = Off;
        walk(Child, Local);
      }
      return;
    }
    for (const Stmt *Child : S->children())
      walk(Child, Off);
  }

private:
  const AsyncModel &M;
  llvm::function_ref<bool(const Stmt &, bool)> Visit;
};
} // namespace

void AsyncModel::forEachOwnStmtWithExecutor(
    const Stmt *Root, llvm::function_ref<bool(const Stmt &, bool)> Visit) const {
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Root))
    Root = Coro->getBody();
  bool Off = false;
  ExecutorWalk(*this, Visit).walk(Root, Off);
}

// --- Spawns ------------------------------------------------------------------

// How deep "defined here, cannot throw" follows calls.
static constexpr unsigned MaxThrowDepth = 8;

// The function whose body the spawned expression runs: the callee of a call
// (the coroutine that made the task), or the call operator of a callable.
static const FunctionDecl *runFunctionOf(const Expr *E) {
  E = ignoreValueWrappers(E);
  if (!E)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    // An adaptor called on a task (`session(s).via(executor)`) runs the
    // task's body: the task decides.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
        Member && Callee && !getCoroutineBody(*Callee))
      if (const FunctionDecl *Inner = runFunctionOf(Member->getImplicitObjectArgument());
          Inner && getCoroutineBody(*Inner))
        return Inner;
    return Callee;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E))
    return Lambda->getCallOperator();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      if (const Expr *Init = Var->getInit())
        if (const auto *Lambda = dyn_cast<LambdaExpr>(ignoreValueWrappers(Init)))
          return Lambda->getCallOperator();
  return nullptr;
}

static bool catchesEverything(const CXXCatchStmt &Handler) {
  const VarDecl *Caught = Handler.getExceptionDecl();
  if (!Caught)
    return true; // catch (...)
  static const NameList StdException("::std::exception");
  const CXXRecordDecl *R =
      Handler.getCaughtType().getNonReferenceType()->getAsCXXRecordDecl();
  return R && StdException.contains(*R);
}

static bool isCatchAllTry(const CXXTryStmt &Try) {
  for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
    if (catchesEverything(*Try.getHandler(I)))
      return true;
  return false;
}

static bool declaredNoThrow(const FunctionDecl &F) {
  if (F.isExternC() || F.hasAttr<NoThrowAttr>() || F.getBuiltinID())
    return true;
  if (const auto *Proto = F.getType()->getAs<FunctionProtoType>())
    if (Proto->isNothrow())
      return true;
  // Destructors are noexcept unless declared otherwise; defaulted special
  // members (copies of a status, a socket move) do not throw but for
  // allocation failure, which is out of scope.
  if (isa<CXXDestructorDecl>(F))
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F);
      M && !M->getParent()->isLambda() &&
      (isa<CXXConstructorDecl>(M) || M->isCopyAssignmentOperator() ||
       M->isMoveAssignmentOperator()) &&
      (!M->isUserProvided() || M->isDefaulted()))
    return true;
  if (F.isInStdNamespace() && F.getIdentifier() &&
      llvm::is_contained({"move", "forward", "move_if_noexcept", "addressof"}, F.getName()))
    return true;
  return false;
}

// The iostreams (`std::cout << x << std::endl`, `std::istringstream is(s);
// is >> v`): a stream reports failure through its state unless the program
// sets exceptions(), which asynchronous code does not do.
static bool isStreamClass(const CXXRecordDecl *R) {
  static const llvm::StringRef Streams[] = {
      "ios_base",        "basic_ios",          "basic_istream",      "basic_ostream",
      "basic_iostream",  "basic_stringstream", "basic_istringstream", "basic_ostringstream",
      "basic_fstream",   "basic_ifstream",     "basic_ofstream",     "basic_streambuf",
      "basic_stringbuf", "basic_filebuf"};
  return R && R->isInStdNamespace() && R->getIdentifier() &&
         llvm::is_contained(Streams, R->getName());
}

static bool usesStream(const FunctionDecl &F) {
  if (const auto *M = dyn_cast<CXXMethodDecl>(&F))
    return isStreamClass(M->getParent()) &&
           !(M->getIdentifier() &&
             (M->getName() == "exceptions" || M->getName().starts_with("_")));
  if (!F.isInStdNamespace() || F.getNumParams() == 0)
    return false;
  return isStreamClass(F.getParamDecl(0)->getType().getNonReferenceType()->getAsCXXRecordDecl());
}

// The text of an error code (`ec.message()`): it can fail only to allocate,
// which the model leaves out.
static bool describesError(const FunctionDecl &F) {
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M || !M->getIdentifier() || M->getName() != "message")
    return false;
  const CXXRecordDecl *R = M->getParent();
  return R->getIdentifier() &&
         (R->getName() == "error_code" || R->getName() == "error_condition");
}

// The overload that reports failure through an `error_code &` argument
// (`socket.shutdown(what, ec)`, `std::filesystem::remove(p, ec)`) instead of
// throwing: the convention of Asio, Boost and the standard library.
static bool reportsErrorInArgument(const FunctionDecl &F) {
  for (const ParmVarDecl *P : F.parameters()) {
    QualType T = P->getType();
    if (!T->isLValueReferenceType() || T.getNonReferenceType().isConstQualified())
      continue;
    const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (R && R->getIdentifier() && R->getName() == "error_code")
      return true;
  }
  return false;
}

static const llvm::StringRef AllocatingClasses[] = {
    "basic_string", "vector",        "deque",          "list",
    "forward_list", "map",           "multimap",       "set",
    "multiset",     "unordered_map", "unordered_multimap", "unordered_set",
    "unordered_multiset", "array",   "basic_string_view", "shared_ptr",
    "unique_ptr",   "weak_ptr",      "pair",           "tuple",
    "optional",     "span",          "allocator",      "char_traits",
    "less",         "hash",          "equal_to",       "default_delete"};

static bool isAllocatingClass(const CXXRecordDecl *R) {
  return R && R->isInStdNamespace() && R->getIdentifier() &&
         llvm::is_contained(AllocatingClasses, R->getName());
}

// The elements a standard class template holds cannot run throwing user
// code when made, copied or destroyed: scalars and trivially copyable types,
// or standard strings and containers of such elements, recursively.
static bool elementsOnlyAllocate(QualType T, const ASTContext &Ctx, unsigned Depth = 0) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isScalarType() || T.isTriviallyCopyableType(Ctx))
    return true;
  const auto *R = T->getAsCXXRecordDecl();
  if (!isAllocatingClass(R) || Depth > 4)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type &&
          !elementsOnlyAllocate(A.getAsType(), Ctx, Depth + 1))
        return false;
  return true;
}

// Locking a standard mutex, directly or through a standard guard
// (`std::unique_lock lk(m)`, `m.lock()`): std::mutex::lock throws only when
// the system reports a deadlock it detected or a lack of resources, which the
// model leaves out as it leaves out allocation failure. A user's mutex's
// lock() is judged by its body.
static bool onlyLocks(const FunctionDecl &F) {
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M || !M->getParent()->isInStdNamespace() || !M->getParent()->getIdentifier())
    return false;
  llvm::StringRef Class = M->getParent()->getName();
  if (isa<CXXConstructorDecl>(M) || isa<CXXDestructorDecl>(M))
    return llvm::is_contained({"lock_guard", "unique_lock", "scoped_lock", "shared_lock"}, Class);
  return M->getIdentifier() &&
         llvm::is_contained({"lock", "unlock", "try_lock", "lock_shared", "unlock_shared",
                             "try_lock_shared"},
                            M->getName());
}

// The standard library's strings and containers, smart pointers and
// vocabulary types of such elements fail only to allocate (out of scope, as
// everywhere in the model) or on a broken precondition (`s.substr(pos)` past
// the end, like `v[i]`), except the accessors whose purpose is to check
// (`at`, `value`). Of user types they run user code (`make_shared<T>`,
// `vector<T>::push_back` copy T): the bodies decide.
static bool onlyAllocates(const FunctionDecl &F) {
  static const llvm::StringRef Functions[] = {"to_string", "tie", "swap", "min", "max"};
  const ASTContext &Ctx = F.getASTContext();
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M) {
    if (!F.isInStdNamespace())
      return false;
    if (F.getIdentifier() && F.getName() == "to_string")
      return true;
    // `a + b`, `a == b` on strings, `std::tie(a, b)`: every operand only
    // allocates.
    if (F.getOverloadedOperator() == OO_None &&
        !(F.getIdentifier() && llvm::is_contained(Functions, F.getName())))
      return false;
    for (const ParmVarDecl *P : F.parameters()) {
      QualType T = P->getType().getNonReferenceType();
      if (!(T->isAnyCharacterType() || T->isPointerType() || elementsOnlyAllocate(T, Ctx)))
        return false;
    }
    return true;
  }
  const CXXRecordDecl *R = M->getParent();
  if (!isAllocatingClass(R) ||
      !elementsOnlyAllocate(compat::declaredType(Ctx, R), Ctx))
    return false;
  if (!M->getIdentifier())
    return true; // constructors, operators
  llvm::StringRef Name = M->getName();
  // `_M_range_check` and the like: the implementation's own helpers, reached
  // while reading `at`, decide by their bodies.
  return !Name.starts_with("_") && !llvm::is_contained({"at", "value"}, Name);
}

bool AsyncModel::isSpawn(const FunctionDecl &F) const {
  for (Vocabulary V : {Vocabulary::SpawnFunctions, Vocabulary::TokenSpawnFunctions,
                       Vocabulary::DetachedSpawnFunctions, Vocabulary::ScopedSpawnFunctions})
    if (names(V).contains(F))
      return true;
  return false;
}

// An I/O object made from an executor or a context alone (`steady_timer
// timer{socket.get_executor()}`): registering with the executor does not
// fail but for allocation, which is out of scope. (A socket opened on an
// endpoint can fail, and is not this shape.)
static bool isMadeFromExecutor(const CXXConstructExpr &Construct) {
  if (Construct.getNumArgs() == 0)
    return false;
  for (const Expr *Arg : Construct.arguments()) {
    const CXXRecordDecl *R = recordOf(Arg->getType());
    if (!R || !R->getIdentifier())
      return false;
    llvm::StringRef N = R->getName();
    if (!N.contains_insensitive("executor") && !N.contains_insensitive("context") &&
        !N.contains_insensitive("strand") && !N.contains_insensitive("scheduler") &&
        N != "io_service")
      return false;
  }
  return true;
}

bool AsyncModel::functionMayThrow(const FunctionDecl *F, unsigned Depth) const {
  if (!F)
    return true;
  if (declaredNoThrow(*F))
    return false;
  if (Depth > MaxThrowDepth)
    return true;
  const FunctionDecl *Def = F->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody())
    return true;
  if (const auto *M = dyn_cast<CXXMethodDecl>(Def); M && M->isVirtual())
    return true;
  auto [It, Inserted] = ThrowCache.try_emplace(Def, true); // recursion: may throw
  if (!Inserted)
    return It->second;
  bool Result = throwingStmt(Def->getBody(), Depth) != nullptr;
  ThrowCache[Def] = Result;
  return Result;
}

// \p T is a listed class, or a specialization with one among its template
// arguments, or is nested in one (an executor with a default token).
static bool mentionsRecord(QualType T, const NameList &List, unsigned Depth) {
  const CXXRecordDecl *R = recordOf(T);
  if (!R || List.empty() || Depth > 3)
    return false;
  for (const DeclContext *DC = R; DC; DC = DC->getParent())
    if (const auto *C = dyn_cast<CXXRecordDecl>(DC); C && isListedRecord(*C, List))
      return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type && mentionsRecord(A.getAsType(), List, Depth + 1))
        return true;
  return false;
}

// The await_resume a co_await or co_yield calls, or null.
static const FunctionDecl *awaitResumeOf(const Stmt &S) {
  const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S);
  const Expr *Resume = Suspend ? Suspend->getResumeExpr() : nullptr;
  const auto *Call = Resume ? dyn_cast<CallExpr>(Resume->IgnoreImplicit()) : nullptr;
  return Call ? Call->getDirectCallee() : nullptr;
}

const Stmt *AsyncModel::throwingStmt(const Stmt *Body, unsigned Depth) const {
  if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(Body); Try && isCatchAllTry(*Try))
    return nullptr; // a function-try-block
  const NameList &Quiet = names(Vocabulary::NonThrowingTokens);
  llvm::SmallPtrSet<const Expr *, 8> Decided;
  const Stmt *Throws = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Throws)
      return false;
    if (const auto *Try = dyn_cast<CXXTryStmt>(&S); Try && isCatchAllTry(*Try)) {
      // The try block is covered; a handler may still rethrow.
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        forEachOwnStmt(Try->getHandler(I)->getHandlerBlock(), [&](const Stmt &H) {
          if (isa<CXXThrowExpr>(H))
            Throws = &H;
          return !Throws;
        });
      return false;
    }
    if (isa<CXXThrowExpr>(S)) {
      Throws = &S;
      return false;
    }
    if (isExplicitSuspension(S)) {
      const auto *Awaited = dyn_cast_or_null<CallExpr>(getAwaitedExpr(S));
      if (!Awaited) {
        // An awaiter object: its await_resume says.
        const FunctionDecl *F = awaitResumeOf(S);
        if (!F || !declaredNoThrow(*F))
          Throws = &S;
        return !Throws;
      }
      Decided.insert(Awaited);
      // An operation completing into a token that turns errors into values:
      // an argument, or the default token of the I/O object
      // (`as_tuple_t<use_awaitable_t<>>::as_default_on_t<tcp::socket>`).
      for (const Expr *Arg : Awaited->arguments())
        if (mentionsRecord(Arg->getType(), Quiet, 0))
          return true;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Awaited))
        if (const Expr *Object = Member->getImplicitObjectArgument();
            Object && mentionsRecord(Object->getType(), Quiet, 0))
          return true;
      const FunctionDecl *Callee = Awaited->getDirectCallee();
      if (Callee && getCoroutineBody(*Callee)) {
        if (functionMayThrow(Callee, Depth + 1))
          Throws = &S;
        return !Throws;
      }
      if (!Callee || declaredNoThrow(*Callee)) {
        if (!Callee)
          Throws = &S;
        return !Throws;
      }
      // A function returning an awaiter (`co_await sleep(5ms)`): making the
      // awaiter, and its await_resume, decide. A lazy task whose body is not
      // visible may throw.
      const FunctionDecl *ResumeFn = awaitResumeOf(S);
      if (TaskTypes.isLazyTask(Awaited->getType(), Callee) || !ResumeFn ||
          functionMayThrow(ResumeFn, Depth + 1) || functionMayThrow(Callee, Depth + 1))
        Throws = &S;
      return !Throws;
    }
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      if (Decided.contains(Call))
        return true;
      const FunctionDecl *Callee = Call->getDirectCallee();
      // Making a task only allocates its frame: its body runs when awaited.
      if (Callee && (getCoroutineBody(*Callee) || TaskTypes.isLazyTask(Call->getType(), Callee)))
        return true;
      // A spawn only schedules: the spawned body's exception goes to its own
      // handle or token (reported there), not to the spawner.
      if (Callee && isSpawn(*Callee))
        return true;
      if (Callee && (usesStream(*Callee) || describesError(*Callee) ||
                     reportsErrorInArgument(*Callee) || onlyAllocates(*Callee) ||
                     onlyLocks(*Callee)))
        return true;
      if (functionMayThrow(Callee, Depth + 1))
        Throws = &S;
      return !Throws;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
      if (isMadeFromExecutor(*Construct) || onlyAllocates(*Construct->getConstructor()) ||
          onlyLocks(*Construct->getConstructor()))
        return true;
      if (functionMayThrow(Construct->getConstructor(), Depth + 1))
        Throws = &S;
      return !Throws;
    }
    return true;
  });
  return Throws;
}

const Stmt *AsyncModel::throwSite(const Expr *Spawned) const {
  const FunctionDecl *F = runFunctionOf(Spawned);
  if (!F)
    return Spawned;
  // A lambda or function that returns a task: the task's body decides.
  unsigned Depth = 0;
  if (!getCoroutineBody(*F))
    if (const FunctionDecl *Def = F->getDefinition())
      if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Def->getBody());
          Block && Block->size() == 1)
        if (const auto *Ret = dyn_cast<ReturnStmt>(Block->body_front()))
          if (const FunctionDecl *Inner = runFunctionOf(Ret->getRetValue());
              Inner && (getCoroutineBody(*Inner) ||
                        TaskTypes.isLazyTask(Inner->getReturnType(), Inner))) {
            F = Inner;
            Depth = 1;
          }
  if (declaredNoThrow(*F))
    return nullptr;
  const FunctionDecl *Def = F->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody() ||
      (isa<CXXMethodDecl>(Def) && cast<CXXMethodDecl>(Def)->isVirtual()))
    return Spawned;
  return throwingStmt(Def->getBody(), Depth);
}

bool AsyncModel::isTask(const Expr *E) const {
  E = ignoreValueWrappers(E);
  if (!E)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *Callee = Call->getDirectCallee(); Callee && getCoroutineBody(*Callee))
      return true;
  return TaskTypes.isLazyTask(E->getType());
}

const Stmt *AsyncModel::throwSiteInCallee(const Stmt &Site, const FunctionDecl *&Callee) const {
  Callee = nullptr;
  const Stmt *S = &Site;
  if (isExplicitSuspension(Site))
    S = getAwaitedExpr(Site);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(S))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(S))
    Callee = Construct->getConstructor();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  if (!Def || !Def->doesThisDeclarationHaveABody())
    return nullptr;
  Callee = Def;
  return throwingStmt(Def->getBody(), 1);
}

/// What a completion mechanism calls last: a coroutine handle's resume, a
/// receiver's set_* (senders), a waker's wake (asyncrt, Tokio-style), a
/// promise's complete or a notification.
static bool isCompletionName(llvm::StringRef Name) {
  return llvm::is_contained({"resume", "set_value", "set_error", "set_stopped", "set_done",
                             "complete", "notify", "wake"},
                            Name);
}

static bool isCompletionCall(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  const auto *Call = dyn_cast<CallExpr>(ignoreValueWrappers(E));
  if (!Call)
    return false;
  // A completion callback the thread was given (`callback(a + b)` on a
  // captured callable, as an async API's `sum(a, b, callback)` does).
  const Expr *Target = isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0
                           ? Call->getArg(0)
                           : Call->getCallee();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts())) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && (Var->isInitCapture() || Ref->refersToEnclosingVariableOrCapture()))
      return true;
  }
  // In a template: `R.set_value()` on a dependent receiver.
  if (const auto *Dep = dyn_cast<CXXDependentScopeMemberExpr>(Call->getCallee()->IgnoreParenImpCasts()))
    return Dep->getMember().isIdentifier() &&
           isCompletionName(Dep->getMember().getAsIdentifierInfo()->getName());
  const NamedDecl *Callee = calleeOf(*Call);
  if (!Callee || !Callee->getIdentifier()) {
    // `h()` on a coroutine handle.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      if (const CXXRecordDecl *R = recordOf(Op->getArg(0)->getType()))
        return R->getIdentifier() && R->getName() == "coroutine_handle";
    return false;
  }
  return isCompletionName(Callee->getName());
}

bool AsyncModel::threadOnlyCompletes(const Expr *Callable) const {
  Callable = ignoreValueWrappers(Callable);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Callable))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()); Var && Var->getInit())
      Callable = ignoreValueWrappers(Var->getInit());
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Callable);
  if (!Lambda)
    return false;
  // An awaiter's await_suspend may hand the thread `this`: the awaiter lives
  // in the suspended frame until the thread resumes it.
  const auto *Enclosing = dyn_cast_or_null<FunctionDecl>(
      Lambda->getLambdaClass() ? Lambda->getLambdaClass()->getDeclContext() : nullptr);
  bool InAwaitSuspend = Enclosing && Enclosing->getIdentifier() &&
                        Enclosing->getName() == "await_suspend";
  for (const LambdaCapture &C : Lambda->captures())
    if (C.getCaptureKind() != LCK_ByCopy && !(C.capturesThis() && InAwaitSuspend))
      return false; // by reference or `this`: it may touch what it shares
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Lambda->getBody());
  return Body && !Body->body_empty() && isCompletionCall(Body->body_back());
}

bool AsyncModel::isLimiter(const CallExpr &Call, bool Awaited) const {
  const NamedDecl *Callee = calleeOf(Call);
  if (!Callee)
    return false;
  if (names(Vocabulary::Limiters).contains(*Callee))
    return true;
  if (!Awaited || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  if (!Name.contains_insensitive("acquire") && Name != "wait" && Name != "co_wait" &&
      Name != "lock" && Name != "down")
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;
  if (!Class || !Class->getIdentifier())
    return false;
  llvm::StringRef ClassName = Class->getName();
  return ClassName.contains_insensitive("semaphore") ||
         ClassName.contains_insensitive("limiter") ||
         ClassName.contains_insensitive("throttle");
}

} // namespace clang::tidy::async
