import type { Category } from '../../../src/cases/case.schema';

/**
 * Small word lists from which names and dispute texts are put together. Common surnames come
 * first and are picked more often, so that names like 张伟 repeat as they do in a real district.
 */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  '欧阳',
  '司马',
  '上官',
  '诸葛',
];

export const GIVEN_CHARS = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉鹏飞斌宇浩凯健俊帆帅旭宁龙林欢阳晨雪琳婷倩颖晶燕慧梅丹玲莉凤洁波亮成峰金海国荣志新春生云立德福永民山',
];

export const REGIONS = [
  '110105',
  '110108',
  '310101',
  '310115',
  '320102',
  '320583',
  '330106',
  '350102',
  '350203',
  '370102',
  '410105',
  '420106',
  '430104',
  '440106',
  '440305',
  '500103',
  '510107',
  '610113',
];

export const ORG_PREFIXES = [
  '东方',
  '宏达',
  '鑫源',
  '华盛',
  '远航',
  '金桥',
  '新城',
  '恒通',
  '瑞丰',
  '长江',
  '永安',
  '盛世',
  '明珠',
  '天成',
  '顺达',
  '博远',
];
export const ORG_KINDS = [
  '建筑工程有限公司',
  '物业管理有限公司',
  '商贸有限公司',
  '餐饮管理有限公司',
  '电子科技有限公司',
  '房地产开发有限公司',
  '家政服务有限公司',
  '汽车销售服务有限公司',
  '装饰工程有限公司',
  '劳务派遣有限公司',
];
export const HOSPITALS = [
  '市第一人民医院',
  '市第二人民医院',
  '市中医院',
  '区人民医院',
  '市妇幼保健院',
  '市口腔医院',
  '仁和医院',
  '康宁医院',
  '区第三人民医院',
  '市骨科医院',
  '滨江社区卫生服务中心',
  '城南社区卫生服务中心',
];

const PLACES = [
  '幸福小区',
  '阳光花园',
  '城南新村',
  '锦绣家园',
  '滨江苑',
  '和平里',
  '东风村',
  '桃源村',
  '丰收村',
  '工业园区',
];
const TIMES = ['近日', '上月', '今年以来', '去年年底', '本月初', '春节前后', '三个月前'];

/** Per category: what happened, and what the applicant asks for. */
const EVENTS: Record<Category, readonly string[]> = {
  marriage_family: [
    '夫妻感情不和长期分居',
    '因子女抚养问题发生争执',
    '因赡养老人费用分摊产生矛盾',
    '离婚后财产分割未达成一致',
    '彩礼返还问题协商未果',
  ],
  neighbourhood: [
    '楼上漏水导致楼下天花板受损',
    '邻居装修噪音影响休息',
    '公共通道堆放杂物堵塞通行',
    '相邻排水不畅',
    '宠物狗伤人',
  ],
  housing_homestead: [
    '宅基地边界不清',
    '翻建房屋占用相邻土地',
    '房屋买卖后拒不过户',
    '租赁房屋押金不予退还',
  ],
  contract: ['买卖合同货款拖欠', '装修合同工程质量不合格', '借款到期未还', '服务合同违约'],
  business: ['合伙经营利润分配争议', '店面转让费纠纷', '供货质量问题引发退货争议'],
  damages: ['因口角发生肢体冲突致人受伤', '高空坠物砸坏车辆', '施工损坏他人财物'],
  forest_land: ['山林承包界址争议', '责任田流转费用纠纷', '林木采伐权属不清'],
  land_expropriation: ['征地补偿标准有异议', '拆迁安置房面积不足', '青苗补偿款未足额发放'],
  pollution: ['养殖场异味扰民', '工厂排污影响农田灌溉', '餐饮油烟排放扰民'],
  labour: [
    '拖欠工资三个月',
    '未签订劳动合同要求双倍工资',
    '工伤待遇未落实',
    '解除劳动合同未支付经济补偿',
    '加班费计算争议',
  ],
  consumer: ['购买商品存在质量问题', '预付卡商家跑路', '培训机构拒绝退费', '网购商品退货纠纷'],
  medical: [
    '患者术后感染',
    '诊疗过程中延误病情',
    '用药不当导致过敏',
    '分娩过程中新生儿受损',
    '手术后遗留功能障碍',
  ],
  traffic_accident: ['电动车与行人相撞致人受伤', '小区内倒车刮擦', '交通事故责任认定后赔偿未落实'],
  property_management: [
    '物业费收缴纠纷',
    '电梯长期停运',
    '小区停车位管理争议',
    '物业服务质量差业主拒缴费用',
  ],
  other: ['因琐事发生争执', '集体经济组织收益分配争议', '互联网平台交易纠纷'],
};

const OUTCOMES = [
  '双方多次协商未果',
  '经村委会调解未成',
  '矛盾有激化风险',
  '申请人情绪激动',
  '已持续较长时间',
];

const REQUESTS: Record<Category, readonly string[]> = {
  marriage_family: ['要求对方支付抚养费', '要求分割共同财产', '要求子女履行赡养义务'],
  neighbourhood: ['要求赔偿维修费用', '要求排除妨碍恢复通行', '要求停止侵害'],
  housing_homestead: ['要求确认边界', '要求拆除违建', '要求退还押金'],
  contract: ['要求支付货款', '要求返还借款及利息', '要求赔偿违约损失'],
  business: ['要求分配利润', '要求退还转让费', '要求退货退款'],
  damages: ['要求赔偿医疗费误工费', '要求赔偿财产损失'],
  forest_land: ['要求确认林地界址', '要求支付流转费'],
  land_expropriation: ['要求提高补偿标准', '要求增加安置面积', '要求足额发放补偿款'],
  pollution: ['要求停止排放', '要求赔偿损失'],
  labour: ['要求支付拖欠工资', '要求支付经济补偿金', '要求落实工伤待遇', '要求支付加班费'],
  consumer: ['要求退货退款', '要求三倍赔偿', '要求退还预付款'],
  medical: ['要求赔偿医疗费用', '要求医院赔礼道歉并赔偿', '要求进行医疗损害鉴定'],
  traffic_accident: ['要求赔偿医疗费误工费护理费', '要求赔偿车辆维修费'],
  property_management: ['要求恢复电梯运行', '要求减免物业费', '要求规范停车管理'],
  other: ['要求对方赔礼道歉', '要求公平分配'],
};

export function disputeText(
  pick: <T>(items: readonly T[]) => T,
  category: Category,
  amountYuan: number | null,
): { summary: string; requests: string } {
  const summary = `${pick(TIMES)}，${pick(PLACES)}${pick(EVENTS[category])}，${pick(OUTCOMES)}，申请人请求中心调解。`;
  const amount = amountYuan === null ? '' : `，金额约${amountYuan}元`;
  return { summary, requests: `${pick(REQUESTS[category])}${amount}` };
}

/** Words a receptionist types into the search box, three characters or more. */
export const LONG_SEARCH_WORDS = [
  '拖欠工资',
  '医疗费',
  '宅基地',
  '物业费',
  '漏水导致',
  '经济补偿',
  '交通事故',
  '术后感染',
  '抚养费',
  '装修噪音',
  '预付卡',
  '征地补偿',
  '第一人民医院',
  '建筑工程',
];
/** ... and one or two characters. */
export const SHORT_SEARCH_WORDS = [
  '漏水',
  '工资',
  '噪音',
  '彩礼',
  '电梯',
  '油烟',
  '押金',
  '王',
  '伟',
  '狗',
];
