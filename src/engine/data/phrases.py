"""Sentence parts in the languages the engine writes text in (curated: Faker's lorem lists are random
words, not sentences). A template puts {s}ubject, {v}erb, {o}bject and {e}nding where the language
puts them (German and Dutch send the participle to the end); every part agrees with every other
(one auxiliary, singular subjects, objects in the case the verb takes)."""

from __future__ import annotations

SENTENCES: dict[str, dict[str, object]] = {
    "de": {
        "template": "{s} hat {o} {e} {v}.",
        "s": ("Das Team", "Unser Kunde", "Das neue System", "Die Abteilung", "Die Geschäftsführung",
              "Unsere Kundin", "Der Vertrieb", "Das Projektteam", "Die Entwicklung", "Der Kundendienst",
              "Die Projektleiterin", "Der Lieferant"),
        "o": ("den Quartalsbericht", "die Monatszahlen", "das Budget", "den Einarbeitungsprozess",
              "die Lieferkette", "das Angebot", "die Rechnungen", "den Zeitplan", "die Kundenumfrage",
              "das neue Produkt", "die Preisliste", "den Vertrag"),
        "e": ("letzte Woche", "vor dem Termin", "gestern", "im letzten Quartal", "ohne Probleme",
              "in allen Regionen", "mit klaren Ergebnissen", "noch am selben Tag", "gemeinsam mit dem Kunden",
              "rechtzeitig"),
        "v": ("überarbeitet", "geprüft", "geliefert", "vereinfacht", "verbessert", "abgeschlossen",
              "vorgestellt", "aktualisiert", "freigegeben", "analysiert", "geplant"),
    },
    "fr": {
        "template": "{s} a {v} {o} {e}.",
        "s": ("L'équipe", "Notre client", "Le nouveau système", "Le service commercial", "La direction",
              "Notre cliente", "Le chef de projet", "Le fournisseur", "La responsable", "Le service client"),
        "v": ("amélioré", "vérifié", "livré", "simplifié", "présenté", "mis à jour", "validé", "analysé",
              "finalisé", "préparé"),
        "o": ("le rapport trimestriel", "les chiffres du mois", "le budget annuel", "le processus d'intégration",
              "la chaîne logistique", "l'offre commerciale", "les factures", "le calendrier", "l'enquête client",
              "le nouveau produit", "la liste de prix", "le contrat"),
        "e": ("la semaine dernière", "avant la date prévue", "hier", "au dernier trimestre", "sans difficulté",
              "dans toutes les régions", "avec des résultats clairs", "le jour même", "avec le client", "à temps"),
    },
    "es": {
        "template": "{s} ha {v} {o} {e}.",
        "s": ("El equipo", "Nuestro cliente", "El nuevo sistema", "El departamento de ventas", "La dirección",
              "Nuestra clienta", "El jefe de proyecto", "El proveedor", "La responsable", "El servicio de atención"),
        "v": ("mejorado", "revisado", "entregado", "simplificado", "presentado", "actualizado", "aprobado",
              "analizado", "terminado", "preparado"),
        "o": ("el informe trimestral", "las cifras del mes", "el presupuesto anual", "el proceso de incorporación",
              "la cadena de suministro", "la oferta comercial", "las facturas", "el calendario",
              "la encuesta de clientes", "el nuevo producto", "la lista de precios", "el contrato"),
        "e": ("la semana pasada", "antes de la fecha prevista", "ayer", "en el último trimestre", "sin problemas",
              "en todas las regiones", "con resultados claros", "el mismo día", "junto con el cliente", "a tiempo"),
    },
    "pt": {
        "template": "{s} {v} {o} {e}.",
        "s": ("A equipe", "Nosso cliente", "O novo sistema", "O setor de vendas", "A diretoria", "Nossa cliente",
              "O gerente de projeto", "O fornecedor", "A coordenadora", "O atendimento ao cliente"),
        "v": ("melhorou", "revisou", "entregou", "simplificou", "apresentou", "atualizou", "aprovou", "analisou",
              "concluiu", "preparou"),
        "o": ("o relatório trimestral", "os números do mês", "o orçamento anual", "o processo de integração",
              "a cadeia de suprimentos", "a proposta comercial", "as faturas", "o cronograma",
              "a pesquisa com clientes", "o novo produto", "a tabela de preços", "o contrato"),
        "e": ("na semana passada", "antes do prazo", "ontem", "no último trimestre", "sem problemas",
              "em todas as regiões", "com resultados claros", "no mesmo dia", "junto com o cliente",
              "dentro do prazo"),
    },
    "it": {
        "template": "{s} ha {v} {o} {e}.",
        "s": ("Il team", "Il nostro cliente", "Il nuovo sistema", "L'ufficio vendite", "La direzione",
              "La nostra cliente", "Il capo progetto", "Il fornitore", "La responsabile", "Il servizio clienti"),
        "v": ("migliorato", "verificato", "consegnato", "semplificato", "presentato", "aggiornato", "approvato",
              "analizzato", "completato", "preparato"),
        "o": ("il rapporto trimestrale", "i dati del mese", "il budget annuale", "il processo di inserimento",
              "la catena di fornitura", "l'offerta commerciale", "le fatture", "il calendario",
              "il sondaggio clienti", "il nuovo prodotto", "il listino prezzi", "il contratto"),
        "e": ("la settimana scorsa", "prima della scadenza", "ieri", "nell'ultimo trimestre", "senza problemi",
              "in tutte le regioni", "con risultati chiari", "in giornata", "insieme al cliente", "in tempo"),
    },
    "nl": {
        "template": "{s} heeft {o} {e} {v}.",
        "s": ("Het team", "Onze klant", "Het nieuwe systeem", "De verkoopafdeling", "De directie",
              "De projectleider", "De leverancier", "De klantenservice", "Onze collega", "De financiële afdeling"),
        "o": ("het kwartaalrapport", "de maandcijfers", "het jaarbudget", "het inwerkproces", "de toeleveringsketen",
              "de offerte", "de facturen", "de planning", "het klantonderzoek", "het nieuwe product",
              "de prijslijst", "het contract"),
        "e": ("vorige week", "voor de deadline", "gisteren", "in het laatste kwartaal", "zonder problemen",
              "in alle regio's", "met duidelijke resultaten", "dezelfde dag nog", "samen met de klant", "op tijd"),
        "v": ("verbeterd", "gecontroleerd", "geleverd", "vereenvoudigd", "gepresenteerd", "bijgewerkt",
              "goedgekeurd", "geanalyseerd", "afgerond", "voorbereid"),
    },
    "pl": {  # present tense: a Polish past tense would have to agree with the subject's gender
        "template": "{s} {v} {o} {e}.",
        "s": ("Zespół", "Nasz klient", "Nowy system", "Dział sprzedaży", "Zarząd", "Kierownik projektu",
              "Dostawca", "Dział obsługi klienta", "Nasza klientka", "Księgowość"),
        "v": ("sprawdza", "poprawia", "przygotowuje", "upraszcza", "przedstawia", "aktualizuje", "zatwierdza",
              "analizuje", "omawia", "planuje"),
        "o": ("raport kwartalny", "miesięczne wyniki", "roczny budżet", "proces wdrożenia", "łańcuch dostaw",
              "ofertę handlową", "faktury", "harmonogram", "ankietę klientów", "nowy produkt", "cennik", "umowę"),
        "e": ("w tym tygodniu", "przed terminem", "co miesiąc", "w bieżącym kwartale", "bez problemów",
              "we wszystkich regionach", "z jasnymi wynikami", "jeszcze dziś", "razem z klientem", "na czas"),
    },
    "ru": {  # present tense, for the same reason as Polish
        "template": "{s} {v} {o} {e}.",
        "s": ("Команда", "Наш клиент", "Новая система", "Отдел продаж", "Руководство", "Руководитель проекта",
              "Поставщик", "Служба поддержки", "Наша клиентка", "Бухгалтерия"),
        "v": ("проверяет", "улучшает", "готовит", "упрощает", "представляет", "обновляет", "утверждает",
              "анализирует", "обсуждает", "планирует"),
        "o": ("квартальный отчёт", "итоги месяца", "годовой бюджет", "процесс адаптации", "цепочку поставок",
              "коммерческое предложение", "счета", "график работ", "опрос клиентов", "новый продукт",
              "прайс-лист", "договор"),
        "e": ("на этой неделе", "раньше срока", "каждый месяц", "в текущем квартале", "без проблем",
              "во всех регионах", "с понятными результатами", "уже сегодня", "вместе с клиентом", "вовремя"),
    },
    "ja": {
        "template": "{s}は{e}{o}を{v}。",
        "s": ("チーム", "お客様", "新しいシステム", "営業部", "経営陣", "プロジェクトマネージャー", "取引先",
              "サポート担当", "開発チーム", "経理部"),
        "e": ("先週、", "予定より早く", "昨日、", "前四半期に", "問題なく", "全地域で", "その日のうちに",
              "期限内に", "今月、", "改めて"),
        "o": ("四半期報告書", "月次の売上", "年間予算", "オンボーディングの手順", "サプライチェーン", "提案書",
              "請求書", "スケジュール", "顧客アンケート", "新製品", "価格表", "契約書"),
        "v": ("見直しました", "確認しました", "納品しました", "簡素化しました", "発表しました", "更新しました",
              "承認しました", "分析しました", "完了しました", "準備しました"),
    },
    "zh": {
        "template": "{s}{e}{v}了{o}。",
        "s": ("团队", "我们的客户", "新系统", "销售部", "管理层", "项目经理", "供应商", "客服部", "研发团队", "财务部"),
        "e": ("上周", "提前", "昨天", "在上个季度", "顺利地", "在所有地区", "按时", "当天就", "和客户一起", "已经"),
        "v": ("改进", "审核", "交付", "简化", "发布", "更新", "批准", "分析", "完成", "准备"),
        "o": ("季度报告", "月度销售数据", "年度预算", "入职流程", "供应链", "商业方案", "发票", "时间表", "客户调查",
              "新产品", "价格表", "合同"),
    },
    "zh_TW": {
        "template": "{s}{e}{v}了{o}。",
        "s": ("團隊", "我們的客戶", "新系統", "業務部", "管理層", "專案經理", "供應商", "客服部", "研發團隊", "財務部"),
        "e": ("上週", "提前", "昨天", "在上一季", "順利地", "在所有地區", "準時", "當天就", "和客戶一起", "已經"),
        "v": ("改善", "審核", "交付", "簡化", "發布", "更新", "核准", "分析", "完成", "準備"),
        "o": ("季度報告", "月度銷售數據", "年度預算", "到職流程", "供應鏈", "商業提案", "發票", "時程表", "客戶調查",
              "新產品", "價目表", "合約"),
    },
    "ko": {  # particles written with each part: 은/는 and 을/를 follow the word's last syllable
        "template": "{s} {e} {o} {v}.",
        "s": ("팀은", "고객님은", "새 시스템은", "영업팀은", "경영진은", "프로젝트 매니저는", "협력업체는",
              "고객지원팀은", "개발팀은", "재무팀은"),
        "e": ("지난주에", "예정보다 일찍", "어제", "지난 분기에", "문제없이", "전 지역에서", "당일에", "고객과 함께",
              "기한 내에", "이번 달에"),
        "o": ("분기 보고서를", "월간 매출을", "연간 예산을", "온보딩 절차를", "공급망을", "제안서를", "청구서를",
              "일정을", "고객 설문조사를", "신제품을", "가격표를", "계약서를"),
        "v": ("개선했습니다", "검토했습니다", "납품했습니다", "간소화했습니다", "발표했습니다", "업데이트했습니다",
              "승인했습니다", "분석했습니다", "완료했습니다", "준비했습니다"),
    },
}


def sentence_key(locale: str | None) -> str | None:
    """The key of SENTENCES (and PRODUCTS) for a locale: its own (zh_TW), else its language's."""
    if not locale:
        return None
    if locale in SENTENCES:
        return locale
    language = locale.split("_")[0]
    return language if language in SENTENCES else None
